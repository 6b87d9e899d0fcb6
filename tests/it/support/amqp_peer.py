"""The RabbitMQ peer of the integration tests: pika (PyPI), an independent AMQP 0-9-1 client,
making dead letters the way applications do (rejections with requeue false, TTL expiry, a quorum
queue's delivery limit) and consuming what evctl replays.

    python amqp_peer.py COMMAND JSON

The connection comes from EVCTL_TEST_AMQP_PORT, EVCTL_TEST_AMQP_USER and EVCTL_TEST_AMQP_PASSWORD
(loopback only). Commands (JSON holds the options); each prints one JSON document:
  topology {exchange, queue, dlq, quorum, delivery_limit, ttl_ms, stream}  declares a direct exchange, the
           work queue bound to it by its own name, a fanout dead-letter exchange <exchange>.dlx and
           the dead-letter queue bound to it; the work queue dead-letters there
  publish  {exchange, key, n, start}    publishes n messages {"i": i} with properties and headers
  reject   {queue, n}                   takes n messages and rejects them (requeue false)
  requeue  {queue, rounds}              takes every message and nacks it (requeue true), rounds times
  consume  {queue, n, timeout}          takes up to n messages (until none comes for timeout s), acks them
  count    {queue}                      the queue's message count
"""

import json
import os
import sys
import time

import pika


def connect():
    creds = pika.PlainCredentials(os.environ["EVCTL_TEST_AMQP_USER"], os.environ["EVCTL_TEST_AMQP_PASSWORD"])
    params = pika.ConnectionParameters(host="127.0.0.1", port=int(os.environ["EVCTL_TEST_AMQP_PORT"]),
                                       credentials=creds, heartbeat=0)
    return pika.BlockingConnection(params)


def topology(ch, o):
    ex, q, dlq = o["exchange"], o["queue"], o["dlq"]
    ch.exchange_declare(ex, "direct", durable=True)
    ch.exchange_declare(ex + ".dlx", "fanout", durable=True)
    ch.queue_declare(dlq, durable=True)
    ch.queue_bind(dlq, ex + ".dlx")
    args = {"x-dead-letter-exchange": ex + ".dlx"}
    if o.get("stream"):
        args = {"x-queue-type": "stream"}
    if o.get("quorum"):
        args["x-queue-type"] = "quorum"
        args["x-delivery-limit"] = o.get("delivery_limit", 1)
    if o.get("ttl_ms") is not None:
        args["x-message-ttl"] = o["ttl_ms"]
    ch.queue_declare(q, durable=True, arguments=args)
    ch.queue_bind(q, ex, routing_key=q)
    return {"ok": True}


def publish(ch, o):
    ch.confirm_delivery()
    start = o.get("start", 0)
    for i in range(start, start + o["n"]):
        props = pika.BasicProperties(
            content_type="application/json", delivery_mode=2, message_id=f"m-{i}",
            correlation_id=f"c-{i}", timestamp=1700000000 + i, type="order.created.v1",
            app_id="peer", priority=3,
            headers={"tenant": "t1", "attempt": i % 5, "trace": {"id": f"t-{i}"}})
        ch.basic_publish(o["exchange"], o["key"], json.dumps({"i": i}).encode(), props, mandatory=True)
    return {"published": o["n"]}


def reject(ch, o):
    done = 0
    while done < o["n"]:
        method, _, _ = ch.basic_get(o["queue"])
        if method is None:
            time.sleep(0.05)
            continue
        ch.basic_reject(method.delivery_tag, requeue=False)
        done += 1
    return {"rejected": done}


def requeue(ch, o):
    for _ in range(o["rounds"]):
        while True:
            method, _, _ = ch.basic_get(o["queue"])
            if method is None:
                break
            ch.basic_nack(method.delivery_tag, requeue=True)
    return {"ok": True}


def consume(ch, o):
    """Takes messages until n are taken or none comes for `timeout` seconds; acks them."""
    out = []
    ch.basic_qos(prefetch_count=1000)
    for method, props, body in ch.consume(o["queue"], inactivity_timeout=o.get("timeout", 3)):
        if method is None:
            break
        headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in (props.headers or {}).items()}
        out.append({"body": body.decode(), "redelivered": method.redelivered,
                    "routing_key": method.routing_key, "exchange": method.exchange,
                    "properties": {"content_type": props.content_type, "delivery_mode": props.delivery_mode,
                                   "message_id": props.message_id, "correlation_id": props.correlation_id,
                                   "timestamp": props.timestamp, "type": props.type, "app_id": props.app_id,
                                   "priority": props.priority},
                    "headers": headers})
        ch.basic_ack(method.delivery_tag)
        if len(out) >= o["n"]:
            break
    ch.cancel()
    return out


def count(ch, o):
    return {"messages": ch.queue_declare(o["queue"], passive=True).method.message_count}


def main():
    cmd, o = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    conn = connect()
    ch = conn.channel()
    out = {"topology": topology, "publish": publish, "reject": reject, "requeue": requeue,
           "consume": consume, "count": count}[cmd](ch, o)
    conn.close()
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
