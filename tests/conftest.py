import os

os.environ.setdefault("VN_DISPATCH_STRICT", "1")  # extractor exceptions fail tests instead of becoming diagnostics
