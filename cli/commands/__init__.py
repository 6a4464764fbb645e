"""One module per command; each has ``register(subparsers)`` setting ``handler``."""
