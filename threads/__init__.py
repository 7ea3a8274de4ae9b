"""threads: find the social-media posts an article quotes and rebuild them as clean threads."""

__version__ = "0.1.0"
