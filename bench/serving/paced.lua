-- wrk script: post.lua's requests, each connection waiting PAUSE_MS after an answer before its next
-- request, so that the rate is about connections / (pause + latency): a load at a chosen rate, not flat out.
-- Usage: wrk -s bench/serving/paced.lua http://127.0.0.1:5001/invocations -- BODY.json PAUSE_MS
dofile("bench/serving/post.lua")
local post_init = init

function init(args)
  post_init(args)
  pause = tonumber(args[2])
end

function delay()
  return pause
end
