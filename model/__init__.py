"""年报助手's core: the prescribed format, the report document, its checks, store and package.

Standard library only; never Qt, never the exporters (an ``import-linter`` contract checks it).
"""

__version__ = "0.1.0"
APP_TITLE = "年报助手"
