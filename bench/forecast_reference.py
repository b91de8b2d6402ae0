"""Statistical peers for `npm run bench:forecast` (bench/forecastQuality.ts).

Reads one JSON object on stdin:
    {"values": [...], "test": N, "period": P, "horizon": H}
and writes one JSON object on stdout:
    {"ets": {"onestep": [N numbers], "multistep": [H numbers], "note": str},
     "sarima": {...}}
(a method that fails gives null lists and a note saying why).

ETS: statsmodels ETSModel, additive error, additive damped trend, additive season of length
P (fallback: no season when the training part holds fewer than 2 P + 10 points).
SARIMA: statsmodels SARIMAX (1,1,1)x(0,1,1,P): ARIMA(1,1,1) plus the "airline" seasonal
part (seasonal difference and a seasonal MA term).

One-step: fit on values[:-N]; the held-out points are then filtered with the fitted
parameters (no refit), so prediction i uses the values up to i - 1.
Multi-step: fit on values[:-H], forecast H steps.
"""
import json
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")

from statsmodels.tsa.exponential_smoothing.ets import ETSModel  # noqa: E402
from statsmodels.tsa.statespace.sarimax import SARIMAX  # noqa: E402


def ets_spec(n_train, period):
    if n_train >= 2 * period + 10:
        return dict(error="add", trend="add", damped_trend=True, seasonal="add", seasonal_periods=period), ""
    return dict(error="add", trend="add", damped_trend=True), "no season (too few points)"


def ets_onestep(values, test, period):
    train = values[:-test]
    spec, note = ets_spec(len(train), period)
    res = ETSModel(train, **spec).fit(disp=False, maxiter=200)
    full = ETSModel(values, **spec).smooth(res.params)
    return list(np.asarray(full.fittedvalues)[-test:]), note


def ets_multistep(values, horizon, period):
    train = values[:-horizon]
    spec, note = ets_spec(len(train), period)
    res = ETSModel(train, **spec).fit(disp=False, maxiter=200)
    return list(np.asarray(res.forecast(horizon))), note


def sarima_model(endog, period):
    return SARIMAX(endog, order=(1, 1, 1), seasonal_order=(0, 1, 1, period))


def sarima_onestep(values, test, period):
    res = sarima_model(values[:-test], period).fit(disp=False, maxiter=50)
    full = res.append(values[-test:], refit=False)
    n = len(values)
    return list(np.asarray(full.predict(start=n - test, end=n - 1))), ""


def sarima_multistep(values, horizon, period):
    res = sarima_model(values[:-horizon], period).fit(disp=False, maxiter=50)
    return list(np.asarray(res.forecast(horizon))), ""


def clean(xs):
    return [float(x) if np.isfinite(x) else None for x in xs]


def run(name, onestep, multistep, request):
    values = np.asarray(request["values"], dtype=float)
    out = {"onestep": None, "multistep": None, "note": ""}
    notes = []
    try:
        xs, note = onestep(values, int(request["test"]), int(request["period"]))
        out["onestep"] = clean(xs)
        notes.append(note)
    except Exception as error:  # a failed fit is reported, not fatal
        notes.append(f"one-step failed: {type(error).__name__}: {error}")
    try:
        xs, note = multistep(values, int(request["horizon"]), int(request["period"]))
        out["multistep"] = clean(xs)
        notes.append(note)
    except Exception as error:
        notes.append(f"multi-step failed: {type(error).__name__}: {error}")
    out["note"] = "; ".join(sorted({n for n in notes if n}))
    return out


def main():
    request = json.load(sys.stdin)
    result = {
        "ets": run("ets", ets_onestep, ets_multistep, request),
        "sarima": run("sarima", sarima_onestep, sarima_multistep, request),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
