#!/usr/bin/python3
"""Python side of ScaleTrainersBench's capped XGBoost fit: the course's XGBoost (same parameters, same
read, prep and DictVectorizer as the MLOps-course baseline, xgboost's default tree method) for a fixed
number of rounds, so that one round's cost on a multi-million-row month can be compared when a full
1,000-round fit would take too long.
Usage: bench/scale/xgb_rounds.py TRAIN.csv VALID.csv ROUNDS [--threads N]
Prints one JSON object per stage, and the fit's rounds, validation RMSE and peak RSS."""
import argparse, json, resource, time
import numpy as np, pandas as pd
import xgboost as xgb
from sklearn.feature_extraction import DictVectorizer

p = argparse.ArgumentParser()
p.add_argument("train"); p.add_argument("valid"); p.add_argument("rounds", type=int)
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()

def emit(**kw):
    print(json.dumps(kw), flush=True)

def read(path):
    df = pd.read_csv(path, low_memory=False)
    pu = [c for c in df.columns if c.endswith("pickup_datetime")][0]
    do = [c for c in df.columns if c.endswith("dropoff_datetime")][0]
    df[pu] = pd.to_datetime(df[pu]); df[do] = pd.to_datetime(df[do])
    df["duration"] = (df[do] - df[pu]).dt.total_seconds() / 60
    df = df[(df.duration >= 1) & (df.duration <= 60)].copy()
    df["PU_DO"] = df["PULocationID"].astype(str) + "_" + df["DOLocationID"].astype(str)
    return df

t0 = time.perf_counter()
tr = read(a.train); va = read(a.valid)
dv = DictVectorizer()
Xtr = dv.fit_transform(tr[["PU_DO", "trip_distance"]].to_dict(orient="records"))
Xva = dv.transform(va[["PU_DO", "trip_distance"]].to_dict(orient="records"))
t1 = time.perf_counter(); emit(stage="read+prep+vectorize", seconds=t1 - t0, rows_train=len(tr), columns=Xtr.shape[1])
dtr = xgb.DMatrix(Xtr, label=tr.duration.values); dva = xgb.DMatrix(Xva, label=va.duration.values)
params = {"learning_rate": 0.09585355369315604, "max_depth": 30, "min_child_weight": 1.060597050922164,
          "objective": "reg:squarederror", "reg_alpha": 0.018060244040060163,
          "reg_lambda": 0.011658731377413597, "seed": 42, "nthread": a.threads}
history = {}
b = xgb.train(params, dtr, num_boost_round=a.rounds, evals=[(dva, "validation")], evals_result=history,
              verbose_eval=False)
rmse = history["validation"]["rmse"]
emit(stage="xgb", seconds=time.perf_counter() - t1, rounds=len(rmse), rmse=rmse[-1],
     peak_rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, xgboost=xgb.__version__)
