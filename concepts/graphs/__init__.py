"""Graph algorithms and the grid maze, one concept per module."""
