"""auditor: data-quality and consistency auditor for Chinese work reports."""

__version__ = "0.1.0"
