"""The pack view: what the packer looks at while scanning."""
from app.ui.pack.view import PackView

__all__ = ["PackView"]
