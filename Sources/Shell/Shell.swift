// The Shell module.
