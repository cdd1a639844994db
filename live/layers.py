"""The live sessions' channel layer: channels_redis's, whose connections to Redis wait for one
another when all are in use, instead of failing.

channels_redis takes a connection from a pool for every group change and every message sent.
A room that reconnects at once (a Wi-Fi blip: a thousand phones, each joining its two groups)
asks for more than any sensible number of connections at the same instant; redis-py's usual
pool then raises "Too many connections", and the phone's socket fails (daphne closes it, the
phone tries again, adding to the storm). A blocking pool makes the extra requests wait a few
milliseconds for a connection to come back."""

from channels_redis.core import RedisChannelLayer as ChannelsRedisLayer
from redis.asyncio import BlockingConnectionPool

# Seconds a request waits for a free connection before failing after all (Redis is gone).
POOL_TIMEOUT = 20


class RedisChannelLayer(ChannelsRedisLayer):
    """Hosts as channels_redis takes them; those given by address (a redis:// URL, as the
    settings give it) get a pool that waits."""

    def create_pool(self, index):
        host = dict(self.hosts[index])
        if "address" not in host:
            return super().create_pool(index)
        address = host.pop("address")
        host.setdefault("timeout", POOL_TIMEOUT)
        return BlockingConnectionPool.from_url(address, **host)
