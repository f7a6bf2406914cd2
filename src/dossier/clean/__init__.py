"""Cleaning: site chrome out, articles apart, duplicates marked. Nothing lost silently."""
