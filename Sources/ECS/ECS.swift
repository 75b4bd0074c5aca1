// The ECS module.
