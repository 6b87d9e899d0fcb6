#!/usr/bin/env python3
"""The independent serde peer: Confluent's own Python serializers against a real broker.

Run it with the test venv's interpreter (scripts/setup.sh installs the pins):

    .venv/bin/python tests/it/support/sr_peer.py produce --bootstrap B --registry URL --topic T \\
        --kind avro|protobuf|json [--header-ids] [--proto-message Order|Order.Line] [--partition N]
    .venv/bin/python tests/it/support/sr_peer.py consume --bootstrap B --registry URL --topic T \\
        --kind avro|protobuf|json --count N [--timeout SECONDS]
    .venv/bin/python tests/it/support/sr_peer.py raw --bootstrap B --topic T --count N [--timeout SECONDS]
    .venv/bin/python tests/it/support/sr_peer.py records --kind avro|protobuf|json [--proto-message ...]

produce: serializes the fixed test records of the kind (fixtures in tests/fixtures/serde/) with
confluent_kafka.schema_registry's AvroSerializer / ProtobufSerializer / JSONSerializer,
auto-registering under the TopicNameStrategy subject T-value (Protobuf also registers its import
shop/v1/money.proto as subject "shop/v1/money.proto" and references it; google/protobuf/* is
skipped), produces them with string keys, flushes, and prints one JSON line per record,
{"key": "...", "value": <normalized value>}, in produce order. --header-ids puts the schema id
in the `__value_schema_id` header (magic 1 + 16-byte GUID [+ Protobuf message indexes]) instead
of the payload prefix (confluent-kafka's `schema.id.serializer`: header_schema_id_serializer).

consume: a fresh random group (auto.offset.reset earliest) reads the first N records from the
start of every partition, deserializes values with the kind's deserializer (AvroDeserializer /
ProtobufDeserializer / JSONDeserializer; header or prefix framing, whichever the record has) and
prints {"key","value"} normalized JSON lines ordered by (partition, offset). Exit 1 with a
message on stderr when fewer than N records arrive within --timeout (default 60 s) or a record
cannot be deserialized.

raw: the records as bytes, for framing checks: {"partition","offset","key","value_hex",
"headers": [[name, hex], ...]} lines ordered by (partition, offset).

records: the normalized lines produce would print, without Kafka or a registry.

Normalization (the JSON evctl prints):
- Avro, walked with the writer schema: unions unwrapped; decimal -> exact string keeping the
  scale's digits ("12.30"); timestamp-millis -> RFC 3339 UTC with 3 fraction digits and "Z",
  timestamp-micros -> 6 digits + "Z" (local-timestamp-* the same without "Z"); date ->
  "YYYY-MM-DD"; time-millis/-micros -> "HH:MM:SS.mmm"/".ffffff"; bytes/fixed -> standard base64
  with padding; enum -> symbol; uuid -> string; NaN/Infinity -> "NaN"/"Infinity"/"-Infinity";
  the rest as JSON, record fields in schema order.
- Protobuf: google.protobuf.json_format.MessageToDict(msg) with default options.
- JSON Schema: the dict as is.
Lines are json.dumps(obj, ensure_ascii=False) (", " and ": " separators, keys in record order).

Protobuf classes are generated at run time with grpcio-tools' protoc into a temporary directory
(removed at exit). Consume picks the message class from the record's message-index path, resolved
in the fixture's order.proto; when the registry holds the writer schema as a serialized
FileDescriptorProto (base64, as confluent-kafka registers it) the deserializer gets the registry
client and does Confluent's full writer-schema lookup (GET /schemas/ids/{id}?format=serialized and
its references); when it holds .proto text (as evctl may register it; a real Confluent registry
would convert it for format=serialized, the test registry does not) the deserializer runs without
the client and parses with the fixture class.
"""

import argparse
import atexit
import base64
import datetime
import decimal
import importlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "fixtures", "serde"))
UTC = datetime.timezone.utc

# --------------------------------------------------------------------------------------------
# fixed test records


def avro_records():
    D = decimal.Decimal
    return [
        ("insp-1", {
            "id": 1, "inspector": "Ada Lovelace", "status": "PASSED",
            "location": {"site": "Dock 4", "floor": 2}, "cost": D("12.30"),
            "inspected_at": datetime.datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=UTC),
            "defects": 0, "score": 9.5, "certified": True, "photo": b"\x89PNG\r\n\x1a\n",
        }),
        ("insp-2", {
            "id": 2, "inspector": None, "status": "FAILED",
            "location": {"site": "Yard", "floor": -1}, "cost": D("-0.05"),
            "inspected_at": datetime.datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=UTC),
            "defects": 3, "score": -1.25, "certified": False, "photo": b"",
        }),
        ("insp-3", {
            # 2^53 + 1: survives only if no step goes through a double
            "id": 9007199254740993, "inspector": "Zo\u00eb \u00c5ngstr\u00f6m \U0001F680",
            "status": "PENDING", "location": {"site": "Quay \"7\"", "floor": 2147483647},
            "cost": D("99999999.99"),
            "inspected_at": datetime.datetime(2038, 1, 19, 3, 14, 8, 1000, tzinfo=UTC),
            "defects": 2147483647, "score": 0.1, "certified": True, "photo": bytes(range(256)),
        }),
        ("insp-4", {
            "id": -9223372036854775808, "inspector": "", "status": "PASSED",
            "location": {"site": "", "floor": 0}, "cost": D("0.00"),
            "inspected_at": datetime.datetime(2000, 2, 29, 0, 0, 0, 0, tzinfo=UTC),
            "defects": -2147483648, "score": 1234567.890625, "certified": False, "photo": b"\x00",
        }),
    ]


def protobuf_records(mods, message):
    pb, money = mods["order_pb2"], mods["money_pb2"]
    Order, Line, Money = pb.Order, pb.Order.Line, money.Money

    def ts(*args, nanos=0):
        from google.protobuf.timestamp_pb2 import Timestamp
        t = Timestamp()
        t.FromDatetime(datetime.datetime(*args, tzinfo=UTC))
        t.nanos = nanos
        return t

    if message == "Order.Line":
        return [
            ("line-1", Line(sku="A-1", quantity=2, unit_price=Money(currency="EUR", units=12, nanos=250000000))),
            ("line-2", Line(sku="B-\u00e9", quantity=0)),
            ("line-3", Line(sku="C-3", quantity=-7, unit_price=Money(currency="JPY", units=-5))),
        ]
    return [
        ("order-1001", Order(
            order_id="o-1001", customer_name="Ada Lovelace", status=Order.STATUS_PLACED,
            placed_at=ts(2025, 1, 2, 3, 4, 5, nanos=678000000),
            total=Money(currency="EUR", units=25, nanos=500000000),
            lines=[Line(sku="A-1", quantity=2, unit_price=Money(currency="EUR", units=12, nanos=750000000))],
            loyalty_points=9007199254740993, gift=True)),
        # proto3 defaults everywhere but the id: MessageToDict omits them
        ("order-1002", Order(order_id="o-1002")),
        ("order-1003", Order(
            order_id="o-1003", customer_name="Zo\u00eb \U0001F680", status=Order.STATUS_CANCELLED,
            placed_at=ts(1969, 12, 31, 23, 59, 59, nanos=123456789),
            total=Money(currency="USD", units=-3, nanos=-10),
            lines=[Line(sku="B-2", quantity=1, unit_price=Money(currency="USD", units=1)),
                   Line(sku="C-3", quantity=3)],
            loyalty_points=-42)),
        ("order-1004", Order(
            order_id="o-1004", status=Order.STATUS_SHIPPED, placed_at=ts(2030, 6, 1, 12, 0, 0),
            total=Money(currency="GBP"), gift=False)),
    ]


def json_records():
    return [
        ("json-1", {
            "orderId": "j-1", "status": "PLACED", "placedAt": "2025-01-02T03:04:05.678Z",
            "shipTo": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
            "lines": [{"sku": "A-1", "quantity": 2, "unitPrice": 12.75}], "total": 25.5,
            "gift": True, "note": None,
        }),
        ("json-2", {"orderId": "j-2", "status": "SHIPPED", "lines": [], "total": 0}),
        ("json-3", {
            "orderId": "j-3", "status": "CANCELLED", "shipTo": {"city": "Z\u00fcrich \U0001F3D4"},
            "lines": [{"sku": "B-2", "quantity": 1, "unitPrice": 0.1},
                      {"sku": "C-3", "quantity": 9007199254740993, "unitPrice": 3}],
            "total": -1.5, "note": "leave at the door, \"please\"",
        }),
    ]


# --------------------------------------------------------------------------------------------
# normalization

AVRO_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


def _fullname(name, namespace):
    if "." in name or not namespace:
        return name
    return namespace + "." + name


def avro_named_types(schema, named=None, namespace=None):
    """Collect every named type (record, enum, fixed) by full name and by short name."""
    named = {} if named is None else named
    if isinstance(schema, list):
        for s in schema:
            avro_named_types(s, named, namespace)
    elif isinstance(schema, dict):
        t = schema.get("type")
        if t in ("record", "error", "enum", "fixed") and "name" in schema:
            ns = schema.get("namespace", namespace)
            full = _fullname(schema["name"], ns)
            ns = full.rsplit(".", 1)[0] if "." in full else None
            named[full] = (schema, ns)
            named.setdefault(full.rsplit(".", 1)[-1], (schema, ns))
            for f in schema.get("fields", []):
                avro_named_types(f["type"], named, ns)
        elif t == "array":
            avro_named_types(schema.get("items"), named, namespace)
        elif t == "map":
            avro_named_types(schema.get("values"), named, namespace)
        elif isinstance(t, (dict, list)):
            avro_named_types(t, named, namespace)
    return named


def _avro_resolve(schema, named, namespace):
    """A schema as a dict (primitives as {"type": name}) plus its namespace."""
    while True:
        if isinstance(schema, str):
            if schema in AVRO_PRIMITIVES:
                return {"type": schema}, namespace
            for cand in (_fullname(schema, namespace), schema):
                if cand in named:
                    schema, namespace = named[cand]
                    break
            else:
                raise KeyError("unknown Avro type %r" % schema)
            continue
        if isinstance(schema, dict) and isinstance(schema.get("type"), (dict, list)):
            schema = schema["type"]
            continue
        if isinstance(schema, dict) and schema.get("type") in ("record", "error", "enum", "fixed"):
            full = _fullname(schema["name"], schema.get("namespace", namespace))
            namespace = full.rsplit(".", 1)[0] if "." in full else None
        return schema, namespace


def _avro_matches(schema, value, named, namespace):
    s, ns = _avro_resolve(schema, named, namespace) if not isinstance(schema, list) else (schema, namespace)
    if isinstance(s, list):
        return any(_avro_matches(b, value, named, ns) for b in s)
    t, lt = s["type"], s.get("logicalType")
    if t == "null":
        return value is None
    if t == "boolean":
        return isinstance(value, bool)
    if t in ("int", "long"):
        if lt in ("timestamp-millis", "timestamp-micros", "local-timestamp-millis", "local-timestamp-micros"):
            return isinstance(value, datetime.datetime)
        if lt == "date":
            return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
        if lt in ("time-millis", "time-micros"):
            return isinstance(value, datetime.time)
        return isinstance(value, int) and not isinstance(value, bool)
    if t in ("float", "double"):
        return isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool))
    if t in ("bytes", "fixed"):
        if lt == "decimal":
            return isinstance(value, decimal.Decimal)
        return isinstance(value, (bytes, bytearray))
    if t == "string":
        return isinstance(value, (str, uuid.UUID))
    if t == "enum":
        return isinstance(value, str) and value in s["symbols"]
    if t in ("record", "error"):
        return isinstance(value, dict) and set(value) <= {f["name"] for f in s["fields"]}
    if t == "map":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, (list, tuple))
    return False


def _float(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return v


def _rfc3339(dt, digits, zulu):
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC)
    frac = "%06d" % dt.microsecond
    return "%04d-%02d-%02dT%02d:%02d:%02d.%s%s" % (
        dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, frac[:digits], "Z" if zulu else "")


def avro_normalize(schema, value, named, namespace=None):
    if isinstance(schema, list):
        for branch in schema:
            if _avro_matches(branch, value, named, namespace):
                return avro_normalize(branch, value, named, namespace)
        raise ValueError("value %r matches no branch of union %r" % (value, schema))
    s, ns = _avro_resolve(schema, named, namespace)
    if isinstance(s, list):
        return avro_normalize(s, value, named, ns)
    t, lt = s["type"], s.get("logicalType")
    if value is None:
        return None
    if lt == "decimal" and isinstance(value, decimal.Decimal):
        return format(value, "f")
    if lt in ("timestamp-millis", "local-timestamp-millis") and isinstance(value, datetime.datetime):
        return _rfc3339(value, 3, lt == "timestamp-millis")
    if lt in ("timestamp-micros", "local-timestamp-micros") and isinstance(value, datetime.datetime):
        return _rfc3339(value, 6, lt == "timestamp-micros")
    if lt == "date" and isinstance(value, datetime.date):
        return value.isoformat()
    if lt in ("time-millis", "time-micros") and isinstance(value, datetime.time):
        frac = "%06d" % value.microsecond
        return "%02d:%02d:%02d.%s" % (value.hour, value.minute, value.second,
                                      frac[:3] if lt == "time-millis" else frac)
    if isinstance(value, uuid.UUID):
        return str(value)
    if t in ("bytes", "fixed"):
        return base64.standard_b64encode(bytes(value)).decode("ascii")
    if t in ("float", "double"):
        return _float(value)
    if t in ("record", "error"):
        return {f["name"]: avro_normalize(f["type"], value.get(f["name"], f.get("default")), named, ns)
                for f in s["fields"]}
    if t == "map":
        return {k: avro_normalize(s["values"], v, named, ns) for k, v in value.items()}
    if t == "array":
        return [avro_normalize(s["items"], v, named, ns) for v in value]
    return value


def protobuf_normalize(msg):
    from google.protobuf import json_format
    return json_format.MessageToDict(msg)


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------------------------
# fixtures, Protobuf code generation


def read_fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return f.read()


def load_proto_modules():
    out = tempfile.mkdtemp(prefix="sr_peer_proto.")
    atexit.register(shutil.rmtree, out, True)
    cmd = [sys.executable, "-m", "grpc_tools.protoc", "-I" + FIXTURES, "--python_out=" + out,
           "order.proto", "shop/v1/money.proto"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("sr_peer: protoc failed (%s):\n%s" % (" ".join(cmd), r.stderr))
    sys.path.insert(0, out)
    return {"order_pb2": importlib.import_module("order_pb2"),
            "money_pb2": importlib.import_module("shop.v1.money_pb2")}


def proto_class_for_path(mods, path):
    """The generated class of the message at a Confluent message-index path in order.proto."""
    from google.protobuf import descriptor_pb2
    desc = mods["order_pb2"].DESCRIPTOR
    fdp = descriptor_pb2.FileDescriptorProto()
    desc.CopyToProto(fdp)  # the file's own declaration order
    msgs = [desc.message_types_by_name[m.name] for m in fdp.message_type]
    cur = None
    for depth, i in enumerate(path or [0]):
        level = msgs if depth == 0 else list(cur.nested_types)
        if not 0 <= i < len(level):
            raise ValueError("message index path %r does not resolve in order.proto" % (path,))
        cur = level[i]
    from google.protobuf.message_factory import GetMessageClass
    return GetMessageClass(cur)


# --------------------------------------------------------------------------------------------
# Kafka and the registry


def registry_client(url):
    from confluent_kafka.schema_registry import SchemaRegistryClient
    return SchemaRegistryClient({"url": url})


def framing(value, headers, schema_type):
    """(SchemaId, payload offset) of a framed value, header or prefix, as Confluent reads it."""
    from confluent_kafka.schema_registry import dual_schema_id_deserializer
    from confluent_kafka.schema_registry.common.serde import SchemaId
    from confluent_kafka.serialization import MessageField, SerializationContext
    sid = SchemaId(schema_type)
    rest = dual_schema_id_deserializer(value, SerializationContext("t", MessageField.VALUE, headers), sid)
    return sid, rest


def writer_schema(sr, sid):
    return sr.get_schema_by_guid(str(sid.guid)) if sid.id is None else sr.get_schema(sid.id)


def cmd_records(args, out=sys.stdout):
    for key, value in normalized_records(args):
        out.write(dumps({"key": key, "value": value}) + "\n")


def normalized_records(args):
    if args.kind == "avro":
        schema = json.loads(read_fixture("inspection.avsc"))
        named = avro_named_types(schema)
        return [(k, avro_normalize(schema, v, named)) for k, v in avro_records()]
    if args.kind == "protobuf":
        mods = load_proto_modules()
        return [(k, protobuf_normalize(v)) for k, v in protobuf_records(mods, args.proto_message)]
    return [(k, v) for k, v in json_records()]


def cmd_produce(args):
    from confluent_kafka import Producer
    from confluent_kafka.schema_registry import header_schema_id_serializer, topic_subject_name_strategy
    from confluent_kafka.serialization import MessageField, SerializationContext

    sr = registry_client(args.registry)
    conf = {"auto.register.schemas": True, "subject.name.strategy": topic_subject_name_strategy}
    if args.header_ids:
        conf["schema.id.serializer"] = header_schema_id_serializer
    if args.kind == "avro":
        from confluent_kafka.schema_registry.avro import AvroSerializer
        schema_str = read_fixture("inspection.avsc")
        ser = AvroSerializer(sr, schema_str, conf=conf)
        parsed = json.loads(schema_str)
        named = avro_named_types(parsed)
        records = [(k, v, avro_normalize(parsed, v, named)) for k, v in avro_records()]
    elif args.kind == "protobuf":
        from confluent_kafka.schema_registry.protobuf import ProtobufSerializer
        mods = load_proto_modules()
        recs = protobuf_records(mods, args.proto_message)
        ser = ProtobufSerializer(type(recs[0][1]), sr, conf=conf)
        records = [(k, v, protobuf_normalize(v)) for k, v in recs]
    else:
        from confluent_kafka.schema_registry.json_schema import JSONSerializer
        ser = JSONSerializer(read_fixture("order.schema.json"), sr, conf=conf)
        records = [(k, v, v) for k, v in json_records()]

    producer = Producer({"bootstrap.servers": args.bootstrap, "acks": "all", "linger.ms": 0,
                         "enable.idempotence": True, "max.in.flight.requests.per.connection": 1})
    errors = []

    def delivered(err, _msg):
        if err is not None:
            errors.append(err)

    for key, obj, _ in records:
        headers = []
        value = ser(obj, SerializationContext(args.topic, MessageField.VALUE, headers))
        kw = {"partition": args.partition} if args.partition is not None else {}
        producer.produce(args.topic, key=key.encode("utf-8"), value=value, headers=headers or None,
                         on_delivery=delivered, **kw)
        producer.poll(0)
    left = producer.flush(args.timeout)
    if left or errors:
        sys.exit("sr_peer: produce to %s failed: %d undelivered, errors %s" % (args.topic, left, errors))
    for key, _, norm in records:
        sys.stdout.write(dumps({"key": key, "value": norm}) + "\n")


def consume_messages(args):
    from confluent_kafka import Consumer, KafkaError, KafkaException
    consumer = Consumer({"bootstrap.servers": args.bootstrap, "group.id": "sr-peer-" + uuid.uuid4().hex,
                         "auto.offset.reset": "earliest", "enable.auto.commit": False,
                         "enable.partition.eof": False})
    msgs = []
    try:
        consumer.subscribe([args.topic])
        deadline = time.monotonic() + args.timeout
        while len(msgs) < args.count and time.monotonic() < deadline:
            m = consumer.poll(0.5)
            if m is None:
                continue
            if m.error():
                if m.error().code() == KafkaError.UNKNOWN_TOPIC_OR_PART:
                    continue
                raise KafkaException(m.error())
            msgs.append(m)
    finally:
        consumer.close()
    if len(msgs) < args.count:
        sys.exit("sr_peer: only %d of %d records arrived from %s within %ss"
                 % (len(msgs), args.count, args.topic, args.timeout))
    msgs.sort(key=lambda m: (m.partition(), m.offset()))
    return msgs


def cmd_consume(args):
    from confluent_kafka.serialization import MessageField, SerializationContext

    from confluent_kafka.schema_registry import topic_subject_name_strategy

    sr = registry_client(args.registry)
    msgs = consume_messages(args)
    # explicit TopicNameStrategy: the default (AssociatedNameStrategy) would first ask the
    # registry for /associations/... on every new topic
    conf = {"subject.name.strategy": topic_subject_name_strategy}
    if args.kind == "avro":
        from confluent_kafka.schema_registry.avro import AvroDeserializer
        deser = AvroDeserializer(sr, conf=conf)
    elif args.kind == "protobuf":
        from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
        mods = load_proto_modules()
        deser_cache = {}
    else:
        from confluent_kafka.schema_registry.json_schema import JSONDeserializer
        deser = JSONDeserializer(None, schema_registry_client=sr, conf=conf)

    lines = []
    for m in msgs:
        key = m.key().decode("utf-8") if m.key() is not None else None
        headers = m.headers()
        ctx = SerializationContext(m.topic(), MessageField.VALUE, headers)
        where = "%s[%d]@%d" % (m.topic(), m.partition(), m.offset())
        try:
            if m.value() is None:
                value = None
            elif args.kind == "avro":
                obj = deser(m.value(), ctx)
                sid, _ = framing(m.value(), headers, "AVRO")
                ws = writer_schema(sr, sid)
                named = {}
                for ref in ws.references or []:
                    rs = sr.get_version(ref.subject, ref.version).schema
                    avro_named_types(json.loads(rs.schema_str), named)
                parsed = json.loads(ws.schema_str)
                avro_named_types(parsed, named)
                value = avro_normalize(parsed, obj, named)
            elif args.kind == "protobuf":
                sid, _ = framing(m.value(), headers, "PROTOBUF")
                path = tuple(sid.message_indexes or [0])
                serialized = _is_serialized_descriptor(writer_schema(sr, sid).schema_str)
                if (path, serialized) not in deser_cache:
                    cls = proto_class_for_path(mods, list(path))
                    deser_cache[(path, serialized)] = ProtobufDeserializer(
                        cls, conf, schema_registry_client=sr if serialized else None)
                value = protobuf_normalize(deser_cache[(path, serialized)](m.value(), ctx))
            else:
                value = deser(m.value(), ctx)
        except Exception as e:  # noqa: BLE001 - report which record, then fail
            sys.exit("sr_peer: cannot deserialize %s: %s: %s" % (where, type(e).__name__, e))
        lines.append(dumps({"key": key, "value": value}))
    for line in lines:
        sys.stdout.write(line + "\n")


def _is_serialized_descriptor(text):
    from google.protobuf import descriptor_pb2
    try:
        raw = base64.standard_b64decode(text.encode("ascii"), validate=True)
        fdp = descriptor_pb2.FileDescriptorProto()
        fdp.ParseFromString(raw)
        return True
    except Exception:  # noqa: BLE001 - anything else is .proto text
        return False


def cmd_raw(args):
    for m in consume_messages(args):
        sys.stdout.write(dumps({
            "partition": m.partition(), "offset": m.offset(),
            "key": m.key().decode("utf-8", "replace") if m.key() is not None else None,
            "value_hex": m.value().hex() if m.value() is not None else None,
            "headers": [[k, v.hex() if v is not None else None] for k, v in (m.headers() or [])],
        }) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)

    def common(p, registry=True, kind=True):
        if registry:
            p.add_argument("--bootstrap", required=True)
            p.add_argument("--registry", required=True)
        if kind:
            p.add_argument("--kind", required=True, choices=["avro", "protobuf", "json"])
            p.add_argument("--proto-message", default="Order", choices=["Order", "Order.Line"],
                           help="the Protobuf record type (message-index path [1] or [1, 0])")

    p = sub.add_parser("produce")
    common(p)
    p.add_argument("--topic", required=True)
    p.add_argument("--header-ids", action="store_true", help="schema GUID in the __value_schema_id header")
    p.add_argument("--partition", type=int)
    p.add_argument("--timeout", type=float, default=60.0)
    p.set_defaults(fn=cmd_produce)

    p = sub.add_parser("consume")
    common(p)
    p.add_argument("--topic", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--timeout", type=float, default=60.0)
    p.set_defaults(fn=cmd_consume)

    p = sub.add_parser("raw")
    p.add_argument("--bootstrap", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--timeout", type=float, default=60.0)
    p.set_defaults(fn=cmd_raw)

    p = sub.add_parser("records")
    common(p, registry=False)
    p.set_defaults(fn=cmd_records)

    args = ap.parse_args()
    args.fn(args)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
