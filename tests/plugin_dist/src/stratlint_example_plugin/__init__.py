"""An example stratlint plugin: one check kind and one rule pack for a house style."""

__version__ = "0.1.0"
