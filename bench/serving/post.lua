-- wrk script: POST /invocations with the JSON body in the file given after "--".
-- Usage: wrk -s bench/serving/post.lua http://127.0.0.1:5001/invocations -- BODY.json
function init(args)
  local f = assert(io.open(args[1], "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

-- Answers other than 2xx/3xx are counted by wrk ("Non-2xx or 3xx responses") and printed here too,
-- so a run of errors cannot pass for throughput.
function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d; p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms\n",
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000))
end
