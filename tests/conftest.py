"""Session-wide test settings: offscreen Qt, no real keyring, no stray environment."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never touch the developer's real OS keyring from tests
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
for _name in ("PACKDESK_OZON_BASE_URL", "PACKDESK_OZON_CLIENT_ID", "PACKDESK_OZON_API_KEY",
              "PACKDESK_DATA_DIR", "PACKDESK_DB_URL"):
    os.environ.pop(_name, None)
