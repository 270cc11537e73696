"""Writing a file completely or not at all.

The bytes go to a temporary file in the target's folder, are flushed to disk, and the temporary
file is renamed over the target: a crash, a full disk or a locked target never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(OSError):
    """The target could not be written; ``str(error)`` is a Chinese message for the user."""


def write_atomically(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` (bytes, or a function writing to a binary file) to ``path`` atomically."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"目标文件夹不存在：{folder}")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"无法在 {folder} 中写入文件：{_reason(exc)}") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                data(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(path))  # mkstemp's 0600 would hide an export from colleagues
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _mode_for(path: Path) -> int:
    """The permissions the file would have had if written directly: the old file's, or what the
    user's umask leaves of rw-rw-rw-."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o777
    return 0o666 & ~_UMASK


def _current_umask() -> int:
    mask = os.umask(0)  # reading it means setting it: put it straight back
    os.umask(mask)
    return mask


_UMASK = _current_umask()  # read once, at import: umask is process-wide and not thread-safe


def _replace(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except PermissionError as exc:
        raise WriteError(
            f"无法写入 {path.name}：文件可能正被其他程序（如 Excel、WPS）打开，或没有写入权限。"
            "请关闭该文件后重试，或换一个文件名保存。"
        ) from exc
    except OSError as exc:
        raise WriteError(f"无法写入 {path}：{_reason(exc)}") from exc


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
