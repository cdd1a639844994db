"""The live sessions' channel layer on a real Redis, as the production settings configure it:
a room's requests at once wait for a connection instead of failing, and a burst of messages to
one server's sockets is kept whole."""

import asyncio
import json
import secrets

import pytest
from channels_redis.core import RedisChannelLayer as ChannelsRedisLayer
from django.utils.module_loading import import_string
from redis.exceptions import ConnectionError as RedisConnectionError

from live.layers import RedisChannelLayer

from .conftest import REDIS_URL
from .servers import manage, production_env

pytestmark = pytest.mark.production


def production_layers(tmp_path):
    """CHANNEL_LAYERS as the production settings build it with Redis."""
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL=REDIS_URL)
    printed = manage(
        env,
        "shell",
        "-c",
        "import json; from django.conf import settings; print(json.dumps(settings.CHANNEL_LAYERS))",
    )
    return json.loads(printed.strip().splitlines()[-1])


async def room_reconnects(layer, phones):
    """Every phone of a room joins its two groups at the same instant, as after a Wi-Fi blip;
    then the room is told that the session changed."""
    channels = [await layer.new_channel() for _phone in range(phones)]
    try:
        await asyncio.gather(
            *(layer.group_add("room", channel) for channel in channels),
            *(layer.group_add(f"phone.{n}", channel) for n, channel in enumerate(channels)),
        )
        await layer.group_send("room", {"type": "session.changed"})
        received = await asyncio.gather(*(layer.receive(channel) for channel in channels))
        return [message["type"] for message in received]
    finally:
        await layer.flush()


def layer_of(cls, max_connections):
    hosts = [{"address": REDIS_URL, "max_connections": max_connections, "socket_timeout": 10}]
    return cls(hosts=hosts, prefix=f"test-layer-{secrets.token_hex(4)}")


def test_a_room_reconnecting_at_once_waits_for_connections_instead_of_failing():
    # channels_redis's own pool refuses the request past its last connection…
    with pytest.raises(RedisConnectionError, match="Too many connections"):
        asyncio.run(room_reconnects(layer_of(ChannelsRedisLayer, 10), 300))
    # …the site's waits for one: every phone joins and is told.
    layer = layer_of(RedisChannelLayer, 10)
    assert asyncio.run(room_reconnects(layer, 300)) == ["session.changed"] * 300


def test_the_production_settings_use_the_waiting_pool_and_keep_a_burst_of_messages(tmp_path):
    config = production_layers(tmp_path)["default"]
    layer_class = import_string(config["BACKEND"])
    assert issubclass(layer_class, RedisChannelLayer)
    options = {**config["CONFIG"], "prefix": f"test-burst-{secrets.token_hex(4)}"}
    layer = layer_class(**options)

    async def burst():
        # A room of 1,000 phones on one server: each socket's own messages (its confirmation,
        # the session's changes) share that server's one queue in Redis; they arrive faster
        # than the server reads them, and none may be dropped.
        channels = [await layer.new_channel() for _socket in range(4000)]
        try:
            for channel in channels:
                await layer.send(channel, {"type": "participant.changed"})
            received = [await layer.receive(channel) for channel in channels]
            return len(received)
        finally:
            await layer.flush()

    assert asyncio.run(burst()) == 4000
