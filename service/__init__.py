"""The HTTP service: a Flask app built from the concept registry."""

from .app import create_app

__all__ = ["create_app"]
