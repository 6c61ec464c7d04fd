from .loop_client import LoopClient, LoopError, SUPPORTED_SCHEMAS

__all__ = ["LoopClient", "LoopError", "SUPPORTED_SCHEMAS"]
