"""Aggregations over the troop-claims table (notebook 04)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["plottable_claims"]


def plottable_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a number (not vague) and a date, with ``y`` (the value, or a range's geometric middle)."""
    table = claims[(claims["bound"] != "vague") & claims["date"].notna()].copy()
    table["date"] = pd.to_datetime(table["date"])
    middle = np.sqrt(table["low"].astype(float) * table["high"].astype(float))
    table["y"] = np.where(table["bound"] == "range", middle, table["value"].astype(float))
    return table.sort_values(["date", "outlet", "y"], ignore_index=True)
