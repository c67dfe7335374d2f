"""Floor of MLflow's row layout on SQLite: the 18 rows a tracked search trial writes (run, 9 tags,
4 params, 2 metric points, 2 latest metrics), inserted from Python's sqlite3 in transactions of 450
trials, with the tracking store's schema and then without its secondary indexes, foreign keys and
rowids. Prints microseconds per trial (Python's own row building included).
Usage: python3 bench/sqlite-row-floor.py [scratch-dir=/tmp/sqlite-row-floor]"""
import sqlite3, time, uuid, os, sys, random
def run(fk, worid, idx, n=10000, batch=450):
    d=sys.argv[1] if len(sys.argv)>1 else '/tmp/sqlite-row-floor'
    os.makedirs(d, exist_ok=True)
    p=os.path.join(d,'t.db')
    for s in ['','-wal','-shm']:
        if os.path.exists(p+s): os.remove(p+s)
    c=sqlite3.connect(p, isolation_level=None)
    c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA synchronous=NORMAL'); c.execute('PRAGMA cache_size=-32768')
    c.execute(f'PRAGMA foreign_keys={"ON" if fk else "OFF"}')
    wr=' WITHOUT ROWID' if worid else ''
    c.execute("CREATE TABLE runs (run_uuid TEXT PRIMARY KEY, name TEXT, status TEXT, start_time INTEGER, end_time INTEGER, experiment_id INTEGER, parent_run_id TEXT, artifact_uri TEXT, user_id TEXT, source_name TEXT)")
    c.execute(f"CREATE TABLE tags (key TEXT NOT NULL, value TEXT, run_uuid TEXT NOT NULL REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid)){wr}")
    c.execute(f"CREATE TABLE params (key TEXT NOT NULL, value TEXT NOT NULL, run_uuid TEXT NOT NULL REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid)){wr}")
    c.execute(f"CREATE TABLE metrics (key TEXT NOT NULL, value REAL NOT NULL, timestamp INTEGER NOT NULL, run_uuid TEXT NOT NULL REFERENCES runs(run_uuid), step INTEGER NOT NULL DEFAULT 0, is_nan INTEGER NOT NULL DEFAULT 0, is_inf INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan)){wr}")
    c.execute(f"CREATE TABLE latest_metrics (key TEXT NOT NULL, value REAL NOT NULL, timestamp INTEGER, step INTEGER NOT NULL, is_nan INTEGER NOT NULL, is_inf INTEGER NOT NULL DEFAULT 0, run_uuid TEXT NOT NULL REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid)){wr}")
    if idx:
        for s in ["CREATE INDEX a ON metrics (run_uuid, key)","CREATE INDEX b ON latest_metrics (key, value)","CREATE INDEX c ON params (key, value)","CREATE INDEX d ON tags (key, value)","CREATE INDEX e ON runs (experiment_id, start_time)","CREATE INDEX f ON runs (parent_run_id)"]:
            c.execute(s)
    t=time.perf_counter(); ts=0
    for b0 in range(0,n,batch):
        ids=[uuid.uuid4().hex for _ in range(min(batch,n-b0))]
        t1=time.perf_counter()
        c.execute('BEGIN IMMEDIATE')
        c.executemany('INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?)',[(i,'trial',"FINISHED",1,2,1,'parent','/x/'+i,'root','src') for i in ids])
        c.executemany('INSERT INTO tags VALUES (?,?,?) ON CONFLICT (key, run_uuid) DO UPDATE SET value=excluded.value',[(k,'v%d'%random.randint(0,99),i) for i in ids for k in ['mlflow.runName','mlflow.user','mlflow.source.name','mlflow.source.type','mlflow.parentRunId','trial_number','pruned','lathe.trial.outcome','x']])
        c.executemany('INSERT INTO params VALUES (?,?,?)',[(k,str(random.random()),i) for i in ids for k in ['x','y','z','trial_number']])
        c.executemany('INSERT OR IGNORE INTO metrics VALUES (?,?,?,?,?,?,?)',[(k,random.random(),123,i,0,0,0) for i in ids for k in ['score','duration_seconds']])
        c.executemany('INSERT INTO latest_metrics VALUES (?,?,?,?,?,?,?)',[(k,random.random(),123,0,0,0,i) for i in ids for k in ['score','duration_seconds']])
        c.execute('COMMIT')
        ts+=time.perf_counter()-t1
    return ts/n*1e6
for fk,wr,idx in [(1,0,1),(0,0,1),(1,1,1),(1,0,0),(0,1,1),(0,1,0)]:
    print(f'fk={fk} worowid={wr} idx={idx}: {run(fk,wr,idx):.1f} us/run', flush=True)
