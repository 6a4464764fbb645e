"""The application's version: shown in About and --version, and written into every exchange file."""

APP_VERSION = "0.1.0"
