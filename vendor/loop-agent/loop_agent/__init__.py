from .adapters import LocalAdapter, LoopAdapter, default_adapter
from .agent import Agent

__all__ = ["Agent", "LocalAdapter", "LoopAdapter", "default_adapter"]
