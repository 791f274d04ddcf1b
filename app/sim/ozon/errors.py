"""Ozon's error answers: an ``rpcStatus`` body ``{"code", "message", "details"}``.

``code`` is the gRPC status code Ozon's gateway uses (3 INVALID_ARGUMENT, 5 NOT_FOUND,
7 PERMISSION_DENIED, 8 RESOURCE_EXHAUSTED, 13 INTERNAL, 16 UNAUTHENTICATED); business errors
carry their code string (``POSTING_ALREADY_SHIPPED``...) in ``message``.
"""
from __future__ import annotations

INVALID_ARGUMENT = 3
NOT_FOUND = 5
PERMISSION_DENIED = 7
RESOURCE_EXHAUSTED = 8
INTERNAL = 13
UNAUTHENTICATED = 16

MSG_HEADERS_REQUIRED = "Client-Id and Api-Key headers are required"
MSG_INVALID_KEY = "Invalid Api-Key, please contact support"
MSG_RATE_LIMIT = "You have reached request rate limit per second"
MSG_INTERNAL = "Internal error"
MSG_LABELS_NOT_READY = "The next postings aren't ready"


def rpc_status(code: int, message: str) -> dict:
    return {"code": code, "message": message, "details": []}


class ApiError(Exception):
    """An error answer: HTTP status plus rpcStatus body."""

    def __init__(self, http_status: int, code: int, message: str):
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.message = message

    def body(self) -> dict:
        return rpc_status(self.code, self.message)


def invalid(message: str) -> ApiError:
    """400 INVALID_ARGUMENT: a malformed or incomplete request, or a refused business rule."""
    return ApiError(400, INVALID_ARGUMENT, message)


def not_found(message: str) -> ApiError:
    return ApiError(404, NOT_FOUND, message)
