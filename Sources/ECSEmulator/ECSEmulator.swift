// The ECSEmulator module.
