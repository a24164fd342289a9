/**
 * The Lua scripts the Redis store runs. Each is one atomic step; times come from Redis `TIME`, so workers never
 * compare their own clocks. The GCRA arithmetic matches throttle/gcra.ts. Keys expire once their state carries
 * no information (the theoretical arrival time has passed, plus a second), so an abandoned key costs nothing.
 */

const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000";
const STORE = "redis.call('SET', KEYS[1], string.format('%.3f', tat), 'PX', math.ceil(tat - now) + 1000)";

/** ARGV: intervalMs, burst. Returns the ms to wait, as a string (Lua numbers reply as truncated integers). */
export const RESERVE = `${NOW}
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then tat = now end
local delay = tat - (burst - 1) * interval - now
if delay < 0 then delay = 0 end
tat = tat + interval
${STORE}
return string.format('%.3f', delay)`;

/** ARGV: intervalMs. */
export const RELEASE = `${NOW}
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil then return 0 end
tat = math.max(now, tat - tonumber(ARGV[1]))
${STORE}
return 1`;

/** ARGV: offsetMs. */
export const DEFER = `${NOW}
local tat = tonumber(redis.call('GET', KEYS[1])) or now
local target = now + tonumber(ARGV[1])
if target <= tat then return 0 end
tat = target
${STORE}
return 1`;

/** Returns { token, pttl } or nil. */
export const READ_TOKEN = `local v = redis.call('GET', KEYS[1])
if not v then return nil end
return { v, redis.call('PTTL', KEYS[1]) }`;

/** ARGV: token, ttlMs. */
export const WRITE_TOKEN = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1`;

/** ARGV: value. Deletes KEYS[1] only while it holds ARGV[1]: drops a rejected token, releases one's own lock. */
export const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** ARGV: owner, ttlMs. SET NX PX; 1 when taken. */
export const LOCK = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
