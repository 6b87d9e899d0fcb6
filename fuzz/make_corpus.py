#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/.

Run by hand (python3 fuzz/make_corpus.py); cargo never runs it. The seeds are the project's own
fixtures (topics.yaml, schemas/, tests/fixtures/) and hand-built binary inputs: Kafka response
frames, v2 record batches (uncompressed, gzip, and snappy/lz4/zstd written with their
uncompressed/literal encodings, since Python has no codec for them here), Redis replies (RESP and
the targets' tree encoding), AMQP field tables. Each seed is laid out as the target's doc comment
says. Existing seeds with the same names are overwritten; others are left alone.
"""

import base64
import gzip
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "corpus")


def read(*path):
    with open(os.path.join(ROOT, *path), "rb") as f:
        return f.read()


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ------------------------------------------------------------------ checksums


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def xxh32(data, seed=0):
    p1, p2, p3, p4, p5 = 2654435761, 2246822519, 3266489917, 668265263, 374761393
    m = 0xFFFFFFFF

    def rotl(x, r):
        return ((x << r) | (x >> (32 - r))) & m

    n = len(data)
    i = 0
    if n >= 16:
        v = [(seed + p1 + p2) & m, (seed + p2) & m, seed & m, (seed - p1) & m]
        while i + 16 <= n:
            for k in range(4):
                lane = struct.unpack_from("<I", data, i + 4 * k)[0]
                v[k] = (rotl((v[k] + lane * p2) & m, 13) * p1) & m
            i += 16
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & m
    else:
        h = (seed + p5) & m
    h = (h + n) & m
    while i + 4 <= n:
        h = (h + struct.unpack_from("<I", data, i)[0] * p3) & m
        h = (rotl(h, 17) * p4) & m
        i += 4
    while i < n:
        h = (h + data[i] * p5) & m
        h = (rotl(h, 11) * p1) & m
        i += 1
    h ^= h >> 15
    h = (h * p2) & m
    h ^= h >> 13
    h = (h * p3) & m
    h ^= h >> 16
    return h


# ------------------------------------------------------------------ Kafka primitives


def i8(v):
    return struct.pack(">b", v)


def i16(v):
    return struct.pack(">h", v)


def i32(v):
    return struct.pack(">i", v)


def i64(v):
    return struct.pack(">q", v)


def string(s):
    if s is None:
        return i16(-1)
    b = s.encode()
    return i16(len(b)) + b


def kbytes(b):
    if b is None:
        return i32(-1)
    return i32(len(b)) + b


def array(items):
    if items is None:
        return i32(-1)
    return i32(len(items)) + b"".join(items)


def uvarint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def varlong(v):
    return uvarint(((v << 1) ^ (v >> 63)) & 0xFFFFFFFFFFFFFFFF)


def cstring(s):
    if s is None:
        return uvarint(0)
    b = s.encode()
    return uvarint(len(b) + 1) + b


def carray(items):
    if items is None:
        return uvarint(0)
    return uvarint(len(items) + 1) + b"".join(items)


TAGS = b"\x00"  # no tagged fields

# ------------------------------------------------------------------ record batches


def record(offset_delta, ts_delta, key, value, headers=()):
    body = bytearray(b"\x00")
    body += varlong(ts_delta) + varlong(offset_delta)
    for part in (key, value):
        if part is None:
            body += varlong(-1)
        else:
            body += varlong(len(part)) + part
    body += varlong(len(headers))
    for name, v in headers:
        body += varlong(len(name)) + name
        body += varlong(-1) if v is None else varlong(len(v)) + v
    return varlong(len(body)) + bytes(body)


SAMPLE_RECORDS = [
    (b"k1", b'{"id":1,"status":"placed"}', [(b"trace", b"abc"), (b"a", b"1"), (b"a", b"2"), (b"n", None)]),
    (None, None, []),
    (b"", b"", [(b"e", b"")]),
    (b"\xff\x00", b"x" * 300, []),
]


def records_section(recs=SAMPLE_RECORDS):
    return b"".join(
        record(i, i * 10, k, v, h) for i, (k, v, h) in enumerate(recs)
    )


def batch(records, count, attributes=0, base_offset=0, base_ts=1_735_689_600_000, max_ts=None,
          producer_id=-1, last_delta=None):
    if max_ts is None:
        max_ts = base_ts
    if last_delta is None:
        last_delta = max(count - 1, 0)
    after_crc = (
        i16(attributes) + i32(last_delta) + i64(base_ts) + i64(max_ts) + i64(producer_id)
        + i16(-1 if producer_id < 0 else 0) + i32(-1) + i32(count) + records
    )
    crc = crc32c(after_crc)
    return (
        i64(base_offset) + i32(49 + len(records)) + i32(-1) + b"\x02"
        + struct.pack(">I", crc) + after_crc
    )


def snappy_literal(data):
    """A raw Snappy block holding `data` as literals only."""
    out = bytearray(uvarint(len(data)))
    at = 0
    while at < len(data):
        chunk = data[at:at + 60]
        out.append((len(chunk) - 1) << 2)
        out += chunk
        at += len(chunk)
    return bytes(out)


def xerial(data):
    block = snappy_literal(data)
    return b"\x82SNAPPY\x00" + i32(1) + i32(1) + i32(len(block)) + block


def lz4_frame(data):
    """An LZ4 frame with one uncompressed block (independent blocks, no checksums)."""
    flg, bd = 0x60, 0x40
    hc = (xxh32(bytes([flg, bd])) >> 8) & 0xFF
    out = b"\x04\x22\x4d\x18" + bytes([flg, bd, hc])
    if data:
        out += struct.pack("<I", len(data) | 0x80000000) + data
    return out + b"\x00\x00\x00\x00"


def zstd_raw(data):
    """A zstd frame with one raw block (single segment, no checksum)."""
    n = len(data)
    if n < 256:
        header = bytes([0x20, n])
    elif n < 65536 + 256:
        header = bytes([0x60]) + struct.pack("<H", n - 256)
    else:
        header = bytes([0xA0]) + struct.pack("<I", n)
    block = ((n << 3) | 1).to_bytes(3, "little")
    return b"\x28\xb5\x2f\xfd" + header + block + data


# ------------------------------------------------------------------ targets


def spec_yaml():
    topics = read("topics.yaml")
    local = read("topics.local.yaml")
    put("spec_yaml", "topics.yaml", topics)
    put("spec_yaml", "topics.local.yaml", local)
    put("spec_yaml", "overlay", topics + b"\xff" + local)
    put("spec_yaml", "env", """\
# ${NOT_EXPANDED_IN_COMMENTS}
defaults:
  partitions: ${PARTITIONS}
  replication_factor: ${RF:-3}
  retention: ${RETENTION:-7d}
topics:
  - name: ${ENV}.orders.v1
    configs:
      message.timestamp.type: "${TS_TYPE:-CreateTime}"
      confluent.tier.enable: ${TIERED}
      retention.bytes: ${SIZE}
  - name: x.${TEAM}.events
    partitions: ${N}
    retention: ${1BAD}
  - name: price$$list
    retention: ${OPEN
""")
    put("spec_yaml", "dialects", """\
dialects:
  - name: orders-dlq
    original_topic: x-source-topic
    original_partition: x-source-partition
    original_offset: x-source-offset
    original_timestamp: x-source-ts
    error_class: x-error-kind
    error_message: x-error
    attempts: x-tries
  - {name: payments, error_message: failure-reason}
topics:
  - name: dlq.orders.v1
    partitions: 3
""")
    put("spec_yaml", "acls_quotas", """\
managed: {prefixes: ["orders."], principals: ["User:orders-svc"]}
protected: ["legacy-*", "orders.audit?"]
ignore_configs: ['^confluent\\.', 'leader\\.replication\\.throttled\\.replicas|^[a-z]+_x$']
acls:
  - principal: User:orders-svc
    acls:
      - {role: producer, topic: orders.events}
      - {role: consumer, topic: payments., pattern: prefixed, group: orders-svc}
      - {resource: topic, name: audit, operations: [describe, describe_configs]}
      - {resource: topic, name: secret, operations: [all], permission: deny}
      - {resource: cluster, operations: [idempotent_write], host: 10.0.0.1}
quotas:
  - {user: orders-svc, producer_byte_rate: 10MiB/s, consumer_byte_rate: 20MiB/s}
  - {user: orders-svc, client_id: checkout, request_percentage: 50}
  - {user: "<default>", producer_byte_rate: 1MiB/s}
  - {ip: 10.0.0.1, connection_creation_rate: 10}
topics:
  - name: orders.events
    partitions: 12
    replication_factor: -1
    retention: 2w
    retention_bytes: 512MiB
    max_message_bytes: 1MiB
    compression: lz4
    cleanup_policy: [compact, delete]
    min_insync_replicas: 2
    configs:
      segment.ms: 12h
      segment.bytes: 1GiB
      message.timestamp.difference.max.ms: infinite
      unclean.leader.election.enable: false
      min.cleanable.dirty.ratio: 0.5
    acls:
      producers: [User:orders-svc]
      consumers: [{principal: User:billing, group: billing}]
consumers:
  - {group: billing, topics: [orders.events], max_lag: 10000, max_time_lag: 5m}
schemas:
  - {subject: orders.events-value, file: schemas/order.avsc, compatibility: FULL_TRANSITIVE}
  - subject: orders.events-key
    file: key.json
    type: json
    policy: lenient
    compatibility: backward
    references: [{name: money.json, file: money.json}]
""")
    put("spec_yaml", "errors", """\
defaults: {partitions: 0, replication_factor: 3, retention: 1.5d, compresion: zstd}
profiles:
  fast: {retention: 10x}
topics:
  - name: a.b
    profile: slow
  - name: a_b
  - name: a.b
    partitions: 99999999999999999999
  - {name: "bad name!", configs: {retention.ms: 7d, retention: 1d}}
topics: []
""")


AVRO_ORDER_V1 = """{"type": "record", "name": "Order", "namespace": "com.acme",
 "fields": [
  {"name": "id", "type": "long"},
  {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["PLACED", "SHIPPED"]}},
  {"name": "total", "type": "Money"},
  {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line",
    "fields": [{"name": "sku", "type": "string"}, {"name": "qty", "type": "int"}]}}},
  {"name": "tags", "type": {"type": "map", "values": "string"}, "default": {}},
  {"name": "note", "type": ["null", "string"], "default": null},
  {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 16}}
 ]}"""

AVRO_ORDER_V2 = """{"type": "record", "name": "Order", "namespace": "com.acme", "aliases": ["OrderV1"],
 "fields": [
  {"name": "id", "type": "long"},
  {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["PLACED", "SHIPPED", "CANCELLED"], "default": "PLACED"}},
  {"name": "total", "type": "Money"},
  {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line",
    "fields": [{"name": "sku", "type": "string"}, {"name": "qty", "type": "long"},
               {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}, "default": "\\u0000"}]}}},
  {"name": "note", "type": ["null", "string", "int"], "default": null},
  {"name": "placed_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
  {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 32}}
 ]}"""

AVRO_MONEY = """{"type": "record", "name": "Money", "namespace": "com.acme",
 "fields": [{"name": "currency", "type": "string"}, {"name": "units", "type": "long"}]}"""


def schema_avro():
    user = read("schemas", "user-account-created.avsc")
    inspection = read("tests", "fixtures", "serde", "inspection.avsc")
    user2 = user.replace(
        b'{"name": "source", "type": "string"},',
        b'{"name": "source", "type": "string"},\n    {"name": "region", "type": "string"},',
    ).replace(b'"default": null', b'"default": null, "doc": "x"', 1)
    put("schema_avro", "user_added_field", user + b"\xff" + user2)
    put("schema_avro", "inspection_same", inspection + b"\xff" + inspection)
    put("schema_avro", "order_with_reference",
        AVRO_ORDER_V1 + "\xff" + AVRO_ORDER_V2 + "\xff" + AVRO_MONEY)
    put("schema_avro", "primitives", '"string"\xff["null", "string", "bytes"]')
    put("schema_avro", "recursive",
        '{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},'
        '{"name":"next","type":["null","Node"],"default":null}]}\xff'
        '{"type":"record","name":"Node","fields":[{"name":"v","type":"long"},'
        '{"name":"kids","type":{"type":"array","items":"Node"},"default":[]}]}')


def schema_json():
    wf = read("schemas", "workflow-instance-started.json")
    order = read("tests", "fixtures", "serde", "order.schema.json")
    wf2 = wf.replace(b'"required": ["instance_id", "workflow_id"]',
                     b'"required": ["instance_id", "workflow_id", "input"]')
    put("schema_json", "workflow_required", wf + b"\xff" + wf2)
    order2 = order.replace(b'"additionalProperties": false\n}', b'"additionalProperties": true\n}')
    put("schema_json", "order_open", order + b"\xff" + order2)
    put("schema_json", "ref_reference",
        '{"type":"object","properties":{"total":{"$ref":"money.json"},"n":{"type":"integer","minimum":0}}}'
        '\xff'
        '{"type":"object","properties":{"total":{"$ref":"money.json"},"n":{"type":["integer","null"],"maximum":10}},'
        '"required":["total"]}'
        '\xff'
        '{"$id":"money.json","type":"object","properties":{"currency":{"type":"string","maxLength":3},'
        '"units":{"type":"integer"}},"required":["currency"]}')
    put("schema_json", "combinators",
        '{"oneOf":[{"type":"string"},{"type":"number"}],"definitions":{"a":{"$ref":"#/definitions/a"}}}'
        '\xff'
        '{"anyOf":[{"type":"string","enum":["a","b"]},{"not":{"type":"null"}}],"allOf":[{"$ref":"#"}],'
        '"dependentRequired":{"a":["b"]},"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}')


def descriptor_b64():
    """A FileDescriptorProto (orders.proto: message Order {string id = 1; int64 total = 2;}),
    base64, as registries may serve a Protobuf schema."""
    def field(number, wire, payload):
        return uvarint((number << 3) | wire) + payload

    def ld(number, b):
        return field(number, 2, uvarint(len(b)) + b)

    def fld(name, number, ftype):
        return (ld(1, name.encode()) + field(3, 0, uvarint(number)) + field(4, 0, uvarint(1))
                + field(5, 0, uvarint(ftype)))

    msg = ld(1, b"Order") + ld(2, fld("id", 1, 9)) + ld(2, fld("total", 2, 3))
    fd = ld(1, b"orders.proto") + ld(2, b"shop.v1") + ld(4, msg) + ld(12, b"proto3")
    return base64.b64encode(fd)


def schema_protobuf():
    billing = read("schemas", "billing-invoice-issued.proto")
    billing2 = billing.replace(b"int64 amount_minor = 3;", b"string amount_minor = 3;\n  reserved 9;")
    put("schema_protobuf", "billing_type_change", billing + b"\xff" + billing2)
    order = read("tests", "fixtures", "serde", "order.proto")
    money = read("tests", "fixtures", "serde", "shop", "v1", "money.proto")
    order2 = order.replace(b"bool gift = 8;", b"bool gift = 8;\n  map<string, string> labels = 9;\n  oneof contact { string email = 10; string phone = 11; }")
    put("schema_protobuf", "order_with_reference", order + b"\xff" + order2 + b"\xff" + money)
    put("schema_protobuf", "descriptor_base64", descriptor_b64() + b"\xff" + descriptor_b64())
    put("schema_protobuf", "proto2",
        'syntax = "proto2";\npackage p;\nmessage A { required int32 x = 1; optional string y = 2 [default = "z"]; '
        'extensions 100 to 199; enum E { option allow_alias = true; U = 0; V = 0; } }\n'
        '\xff'
        'syntax = "proto2";\npackage p;\nmessage A { optional int64 x = 1; repeated string y = 2; '
        'extensions 100 to 199; }\nextend A { optional bool flag = 100; }\n'
        'service S { rpc Get (A) returns (stream A); }\n')


RECORD_LINES = [
    '{"topic":"orders","partition":0,"offset":42,"timestamp":"2025-01-01T00:00:00.000Z","timestamp_ms":1735689600000,"timestamp_type":"create","key":"k1","value":{"base64":"/w=="},"headers":[["trace",null],["a","x"]]}',
    '{"topic":"t","partition":0,"offset":0,"timestamp":"1969-12-31T23:59:59.999Z","timestamp_ms":-1,"timestamp_type":"log_append","key":null,"value":{"base64":"/wCA"},"headers":[["trace",null],["a",""],["a","x"],["bin",{"base64":"ww=="}]]}',
    '{"stream":"orders","id":"1700000000000-0","timestamp":"2023-11-14T22:13:20.000Z","timestamp_ms":1700000000000,"timestamp_type":"log_append","key":null,"value":{"a":"1","a":"2","b":{"base64":"/w=="}},"headers":[]}',
    '{"topic":"orders","partition":3,"offset":7,"timestamp":1735689600000,"key":{"id":1},"value":{"id":1,"total":"12.30"},"key_schema":{"id":3,"subject":"orders-key","version":1,"format":"AVRO"},"value_schema":{"id":4,"format":"PROTOBUF","message":"shop.v1.Order","guid":"5f0b2a4c-7c8d-4e2f-9a1b-3c4d5e6f7a8b"}}',
    '{"value":"hello"}',
    '{"topic":"t","partition":1,"offset":2,"timestamp":"+10000-01-01T00:00:00.000Z","timestamp_ms":253402300800000,"value":null,"headers":null}',
    '  {"key":"k","value":"v","timestamp":"2025-01-01T01:30:00.5+01:30","timestamp_type":"not_available"}\n',
    '{"queue":"jobs","delivery":3,"redelivered":true,"value":"x"}',
    '{"topic":"t","partition":2147483647,"offset":9223372036854775807,"timestamp_ms":-9223372036854775808,"value":"\\u0000\\ud83d\\ude00\\u2028"}',
]


def record_json():
    for i, line in enumerate(RECORD_LINES):
        put("record_json", "line%d" % i, line)


def input_line():
    def seed(flags, sep, header, line):
        return struct.pack(">H", flags) + bytes([len(sep)]) + sep + bytes([len(header)]) + header + line

    put("input_line", "plain", seed(0, b"", b"", b"hello world"))
    put("input_line", "key_separator", seed(1 | 2, b":", b"trace=abc", b"order-1:{\"id\":1}"))
    put("input_line", "tab_separator", seed(1, b"\\t", b"n", b"k\tv\tw"))
    put("input_line", "hex_separator", seed(1 | 0x2000, b"\\x1f", b"=x", b"key\x1fvalue"))
    put("input_line", "json", seed(4 | 0x10 | 0x800, b"", b"", RECORD_LINES[0].encode()))
    put("input_line", "json_stream", seed(4 | 0x800, b"", b"", RECORD_LINES[2].encode()))
    put("input_line", "json_datum", seed(4 | 0x4000 | 0x8000, b"", b"", RECORD_LINES[3].encode()))
    put("input_line", "envelope", seed(0x40 | 0x80 | 0x100 | (1 << 9), b"", b"",
                                       b'{"id":"e1","type":"order.created.v1","payload":{"id":1},"metadata":{"partition_key":"o-1"}}'))
    put("input_line", "envelope_new", seed(0x40 | 0x80 | (1 << 9), b"", b"", b'[1, {"a" : "b\\"c"}, 2.50e3]'))
    put("input_line", "cloudevents_binary", seed(0x40 | 0x80 | (2 << 9), b"", b"", b'{"id":1}'))
    put("input_line", "cloudevents_structured", seed(0x40 | 0x80 | 0x100 | (3 << 9), b"", b"", b"\xff\x00 not json"))


def template():
    put("template", "default", "{timestamp} {topic}/{partition}@{offset} {key}={value}\\n")
    put("template", "modifiers", "{key:hex} {value:base64} {header.trace:json} {header.a:b:text} {key:json}\\t{{x}}")
    put("template", "fields", "{timestamp_ms} {timestamp_type} {headers} {key_len} {value_len} \\0\\r\\\\")
    rec = b"\x21orders\x00k\x00\xff\x1b[31mv\x00trace\x00abc\x00a:b\x00\x01"
    put("template", "with_record", b"{topic} {key:json} {value} {headers} {header.trace}\\n\xff" + rec)
    put("template", "stream_record", b"{offset} {partition} {timestamp}\xff\x01s\x00\x01\x00\x01")
    put("template", "errors", "{nope} {key:upper} \\q {")


def offsets():
    for i, s in enumerate([
        "start", "end", "+10", "-5", "42", "@2025-01-01T00:00:00Z", "@-1h", "@1735689600000",
        "start:end", "@2025-01-01T00:00:00Z:@2025-01-02T00:00:00Z", ":-5", "+10:", "0,2,5",
        "1-3, 7", "1700000000000-3", "1-0:2-5", "@+10000-01-01T00:00:00.000Z",
        "2025-01-01T01:30:00.5+01:30", "@0000-01-01T00:00:00+01:00", "2025-02-29",
        "18446744073709551615-18446744073709551615", "0-2147483647",
    ]):
        put("offsets", "s%02d" % i, s)


def frame(key, version, body, flexible_header=False, corr=7):
    return bytes([key, version]) + i32(corr) + (TAGS if flexible_header else b"") + body


def kafka_frame():
    av = [(0, 3, 12), (1, 4, 12), (3, 0, 12), (18, 0, 4), (69, 0, 1)]
    put("kafka_frame", "api_versions_v0",
        frame(18, 0, i16(0) + array([i16(k) + i16(a) + i16(b) for k, a, b in av])))
    put("kafka_frame", "api_versions_v3",
        frame(18, 3, i16(0) + carray([i16(k) + i16(a) + i16(b) + TAGS for k, a, b in av])
              + i32(0) + TAGS))
    part = i16(0) + i32(0) + i32(1) + array([i32(1), i32(2)]) + array([i32(1)])
    put("kafka_frame", "metadata_v1",
        frame(3, 1, array([i32(1) + string("broker-1") + i32(9092) + string(None),
                           i32(2) + string("broker-2") + i32(9092) + string("rack-a")])
              + i32(1)
              + array([i16(0) + string("orders") + b"\x00" + array([part]),
                       i16(3) + string("missing") + b"\x00" + array([]),
                       i16(29) + string("secret") + b"\x00" + array([])])))
    cpart = i16(0) + i32(0) + i32(1) + i32(5) + carray([i32(1), i32(2)]) + carray([i32(1)]) + carray([]) + TAGS
    put("kafka_frame", "metadata_v12",
        frame(3, 12, i32(0) + carray([i32(1) + cstring("b1") + i32(9092) + cstring(None) + TAGS])
              + cstring("cluster-1") + i32(1)
              + carray([i16(0) + cstring("orders") + b"\x00" * 16 + b"\x00" + carray([cpart])
                        + i32(-2147483648) + TAGS])
              + TAGS, flexible_header=True))
    put("kafka_frame", "find_coordinator_v0", frame(10, 0, i16(0) + i32(1) + string("broker-1") + i32(9092)))
    put("kafka_frame", "sasl_handshake_v1", frame(17, 1, i16(0) + array([string("PLAIN"), string("SCRAM-SHA-256")])))
    put("kafka_frame", "sasl_authenticate_v1",
        frame(36, 1, i16(0) + string(None) + kbytes(b"r=fixednonce123,s=c2FsdA==,i=4096") + i64(3600000)))
    put("kafka_frame", "list_offsets_v1",
        frame(2, 1, array([string("orders") + array([i32(0) + i16(0) + i64(-1) + i64(42)])])))
    put("kafka_frame", "init_producer_id_v0", frame(22, 0, i32(0) + i16(0) + i64(1000) + i16(0)))
    put("kafka_frame", "list_groups_v0",
        frame(16, 0, i16(0) + array([string("billing") + string("consumer")])))
    put("kafka_frame", "offset_fetch_v1",
        frame(9, 1, array([string("orders") + array([i32(0) + i64(42) + string("") + i16(0)])])))
    b = batch(records_section(), len(SAMPLE_RECORDS))
    put("kafka_frame", "fetch_v4",
        frame(1, 4, i32(0) + array([string("orders") + array([
            i32(0) + i16(0) + i64(100) + i64(100) + array([i64(7) + i64(5)]) + kbytes(b)])])))
    put("kafka_frame", "produce_v3",
        frame(0, 3, array([string("orders") + array([i32(0) + i16(0) + i64(42) + i64(-1)])]) + i32(0)))
    put("kafka_frame", "describe_configs_v1",
        frame(32, 1, i32(0) + array([i16(0) + string(None) + i8(2) + string("orders") + array([
            string("retention.ms") + string("604800000") + b"\x00" + i8(1) + b"\x00"
            + array([string("retention.ms") + string("604800000") + i8(1)])])])))
    put("kafka_frame", "create_topics_v2",
        frame(19, 2, i32(0) + array([string("orders") + i16(36) + string("exists")])))


def batches():
    recs = records_section()
    n = len(SAMPLE_RECORDS)
    base = 1_735_689_600_000
    put("record_batch", "raw_plain", b"\x00" + batch(recs, n, base_offset=100))
    put("record_batch", "raw_gzip", b"\x00" + batch(gzip.compress(recs, mtime=0), n, attributes=1))
    put("record_batch", "raw_snappy", b"\x00" + batch(snappy_literal(recs), n, attributes=2))
    put("record_batch", "raw_xerial", b"\x00" + batch(xerial(recs), n, attributes=2))
    put("record_batch", "raw_lz4", b"\x00" + batch(lz4_frame(recs), n, attributes=3))
    put("record_batch", "raw_zstd", b"\x00" + batch(zstd_raw(recs), n, attributes=4))
    put("record_batch", "raw_control_txn",
        b"\x00" + batch(record(0, 0, b"\x00\x00\x00\x01", b"\x00\x00\x00\x00\x00\x00", []), 1,
                        attributes=0x30, producer_id=42))
    put("record_batch", "raw_log_append", b"\x00" + batch(recs, n, attributes=0x08, max_ts=base + 99))

    def built(mode, variant, count, base_offset, last_delta, base_ts, max_ts, pid, records):
        return (bytes([mode, variant]) + i32(count) + i64(base_offset) + i32(last_delta)
                + i64(base_ts) + i64(max_ts) + i64(pid) + records)

    for codec in range(5):
        put("record_batch", "built_compress_%d" % codec,
            built(0x80 | 0x40 | codec, 0, n, 0, n - 1, base, base, -1, recs))
    put("record_batch", "built_xerial", built(0x80 | 0x40 | 2, 1, n, 5, n - 1, base, base, -1, recs))
    put("record_batch", "built_gzip_raw", built(0x80 | 1, 0, n, 0, n - 1, base, base, -1, gzip.compress(recs, mtime=0)))
    put("record_batch", "built_zstd_raw", built(0x80 | 4, 0, n, 0, n - 1, base, base, -1, zstd_raw(recs)))
    put("record_batch", "built_lz4_raw", built(0x80 | 3, 0, n, 0, n - 1, base, base, -1, lz4_frame(recs)))


def fetch_stream():
    b1 = batch(records_section(), len(SAMPLE_RECORDS))
    b2 = batch(record(0, 0, None, b"c", []), 1, base_offset=4)
    records = b1 + b2 + b1[:20]
    for version in (4, 5, 7, 11):
        body = i32(0)
        if version >= 7:
            body += i16(0) + i32(0)
        part = i32(3) + i16(0) + i64(42) + i64(42)
        if version >= 5:
            part += i64(0)
        part += array([i64(7) + i64(5)])
        if version >= 11:
            part += i32(-1)
        part += kbytes(records)
        part2 = i32(4) + i16(1) + i64(0) + i64(0) + (i64(0) if version >= 5 else b"") + array(None)
        part2 += (i32(-1) if version >= 11 else b"") + kbytes(None)
        body += array([string("orders") + array([part, part2])])
        put("fetch_stream", "v%d_chunk7" % version, bytes([version - 4, 7]) + body)
    # v12: flexible, response header v1 tags first
    body = TAGS + i32(0) + i16(0) + i32(0)
    part = (i32(3) + i16(0) + i64(42) + i64(42) + i64(0) + carray([i64(7) + i64(5) + TAGS])
            + i32(-1) + uvarint(len(records) + 1) + records + TAGS)
    body += carray([cstring("orders") + carray([part]) + TAGS]) + TAGS
    put("fetch_stream", "v12_one_chunk", bytes([8, 0]) + body)
    put("fetch_stream", "v12_chunk1", bytes([8, 1]) + body)


def scram():
    put("scram", "sha256_rfc7677",
        b"\x00r=fixednonce%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        b"\x00v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
    put("scram", "sha512", b"\x01r=fixednonceabc,s=c2FsdA==,i=4096\x00v=AAAA")
    put("scram", "rejected", b"\x00e=unknown-user")
    put("scram", "bad_nonce", b"\x01r=xyz,s=c2FsdA==,i=4096")
    put("scram", "too_few", b"\x00r=fixednoncex,s=c2FsdA==,i=10\x00e=invalid-proof")
    put("scram", "extensions", b"\x00m=ext,r=fixednonce1,s=,i=4096,x=y\x00v=,e=x")


def dlq_dialect():
    def rec(choice, topic, key, value, headers):
        out = bytes([choice]) + topic + b"\x00" + key + b"\x00" + value
        for name, v in headers:
            out += b"\x00" + name + b"\x00" + v
        return out

    # header names as single bytes index the target's KNOWN table
    put("dlq_dialect", "connect", rec(0, b"dlq", b"k", b"v", [
        (b"\x00", b"orders"), (b"\x01", b"3"), (b"\x02", b"42"),
        (b"\x07", b"java.lang.IllegalStateException"), (b"\x08", b"boom"), (b"\x09", b"at x\nat y")]))
    put("dlq_dialect", "streams", rec(0, b"dlq", b"k", b"v", [
        (b"\x0a", b"orders"), (b"\x0b", b"1"), (b"\x0c", b"7"),
        (b"\x0d", b"org.apache.kafka.common.errors.SerializationException: bad bytes")]))
    put("dlq_dialect", "spring_dlt", rec(0, b"orders-dlt", b"k", b"v", [
        (b"\x10", b"orders"), (b"\x11", i32(3)), (b"\x12", i64(42)), (b"\x13", i64(1735689600000)),
        (b"\x14", b"CREATE_TIME"), (b"\x15", b"billing"),
        (b"\x16", b"org.springframework.kafka.listener.ListenerExecutionFailedException"),
        (b"\x17", b"java.lang.NumberFormatException"), (b"\x18", b"For input string: x")]))
    put("dlq_dialect", "spring_retry", rec(0, b"orders-retry-0", b"k", b"v", [
        (b"\x1d", b"orders"), (b"\x1e", i32(1)), (b"\x1f", b"\x00\x00\x00\x05"),
        (b"\x24", b"\x03"), (b"\x25", b"\x01\x8d\x00\x00\x00\x00"), (b"\x26", b"\xff\xff\xff\xff\xff\xff\xff\xff\xfe")]))
    put("dlq_dialect", "evctl", rec(0, b"dlq", b"\x01", b"\x01", [
        (b"\x27", b"orders"), (b"\x28", b"2"), (b"\x29", b"9"), (b"\x2a", b"1735689600000"),
        (b"\x2b", b"ValueError"), (b"\x2c", b"bad"), (b"\x2d", b"3"), (b"\x2e", b"4")]))
    put("dlq_dialect", "json_wrapped", rec(0, b"dlq", b"", (
        b'{"original_event":{"id":1,"metadata":{"original_topic":"orders"}},"error":"pkg.Timeout: slow",'
        b'"timestamp":"2025-01-01T00:00:00","original_partition":"4","original_offset":12,'
        b'"consumer_group":"g","attempt_count":3}'), []))
    put("dlq_dialect", "json_envelope", rec(0, b"dlq", b"", (
        b'{"id":"e1","type":"order.created.v1","payload":{},"occurred_at":1735689600000,'
        b'"error":{"type":"Timeout","message":"slow"},"attempts":"2","metadata":{"original_topic":"orders"}}'), []))
    put("dlq_dialect", "custom_and_generic", rec(0, b"dlq", b"k", b"v", [
        (b"\x37", b"orders"), (b"\x38", i32(5)), (b"\x39", b"77"), (b"\x3a", i64(1)),
        (b"\x3b", b"Kind"), (b"\x3c", b"msg"), (b"\x3d", b"x"),
        (b"\x33", b"orders"), (b"\x34", b"\x00\x00\x00\x02"), (b"\x35", b"Err"), (b"\x36", b"9"),
        (b"\x2f", b"orders"), (b"\x30", b"poison"), (b"\x01", b"\x01")]))


def registry_framing():
    guid = bytes(range(16))
    put("registry_framing", "prefix_avro", b"\x00\x00" + b"\x00\x00\x00\x00\x07" + b"\x02\x06abc")
    put("registry_framing", "prefix_protobuf_path", b"\x00\x00" + b"\x00\x00\x00\x00\x07" + b"\x04\x02\x00" + b"\x0a\x01x")
    put("registry_framing", "prefix_protobuf_shortcut", b"\x00\x00" + b"\x00\x00\x00\x00\x07\x00\x0a\x01x")
    put("registry_framing", "header_value", b"\x02" + bytes([17 + 3]) + b"\x01" + guid + b"\x04\x02\x04" + b"payload")
    put("registry_framing", "header_key_null_last", b"\x05" + bytes([17]) + b"\x01" + guid + b"\x00\x00\x00\x00\x01")
    put("registry_framing", "header_bad_magic", b"\x02\x05\x02abcd" + b"\x00\x00\x00\x00\x01")
    put("registry_framing", "guid_text", b"\x00\x00" + b"00010203-0405-0607-0809-0a0b0c0d0e0f")
    put("registry_framing", "long_path", b"\x00\x00" + b"\x00\x00\x00\x00\x01" + b"\x80\x01" + b"\x02" * 64)


def avro_long(v):
    return varlong(v)


def avro_str(s):
    b = s.encode() if isinstance(s, str) else s
    return avro_long(len(b)) + b


def codec_payload():
    # ALL_TYPES (schema 0): n, b, i, l, f, d, by, s, e, fx, arr, map, u, next
    all_types = (
        b"\x01" + avro_long(-5) + avro_long(2**40) + struct.pack("<f", 1.5) + struct.pack("<d", float("nan"))
        + avro_str(b"\xff\x00") + avro_str("h\u00e9") + avro_long(2) + b"abcd"
        + avro_long(2) + avro_long(1) + avro_long(-1) + avro_long(0)
        + avro_long(-1) + avro_long(8) + avro_str("k") + avro_long(1) + avro_str("v") + avro_long(0)
        + avro_long(3) + avro_long(1) + avro_long(0) + avro_long(0)
    )
    nested = all_types + avro_long(1) + all_types + avro_long(0)
    put("codec_payload", "avro_all_plain", b"\x00" + nested)
    put("codec_payload", "avro_all_avro_json", b"\x80" + nested)
    # LOGICAL_TYPES (schema 1)
    logical = (
        avro_str(b"\x04\xd2") + b"\x00" * 7 + b"\x7b" + avro_str(b"\x00") + avro_long(19000)
        + avro_long(3600000) + avro_long(3600000000) + avro_long(1735689600000)
        + avro_long(1735689600000000) + avro_long(1735689600000000000) + avro_long(-1)
        + avro_long(0) + avro_long(2**62) + avro_str("5f0b2a4c-7c8d-4e2f-9a1b-3c4d5e6f7a8b")
        + bytes(range(16)) + struct.pack("<III", 1, 2, 3) + avro_long(2) + avro_str(b"\x80")
    )
    put("codec_payload", "avro_logical", b"\x01" + logical)
    put("codec_payload", "avro_logical_avro_json", b"\x81" + logical)
    # user-account-created (schema 2): id (uuid string), type, occurred_at, source, correlation_id,
    # trace_id, payload {user_id, email, plan}, metadata {partition_key, tenant_id}
    user = (avro_str("5f0b2a4c-7c8d-4e2f-9a1b-3c4d5e6f7a8b") + avro_str("user.account.created.v1")
            + avro_long(1735689600000) + avro_str("accounts") + avro_long(0) + avro_long(1)
            + avro_str("t1") + avro_str("u1") + avro_str("a@b.c") + avro_long(1)
            + avro_str("u1") + avro_str("tenant"))
    put("codec_payload", "avro_user", b"\x02" + user)
    put("codec_payload", "avro_key", b"\x04" + avro_str("order-1"))
    # order.proto (schema 5): path [1] = Order; fields order_id=1, customer_name=2, status=3,
    # total=5 (Money), lines=6, loyalty_points=7, gift=8
    money = b"\x0a\x03EUR\x10\x0c\x18\x80\x94\xeb\xdc\x03"
    line = b"\x0a\x03sku\x10\x02\x1a" + bytes([len(money)]) + money
    order = (b"\x0a\x02o1\x12\x03Ann\x18\x01\x2a" + bytes([len(money)]) + money
             + b"\x32" + bytes([len(line)]) + line + b"\x38\x96\x01\x40\x01")
    put("codec_payload", "proto_order", b"\x05" + b"\x02\x02" + order)
    put("codec_payload", "proto_order_line", b"\x05" + b"\x04\x02\x00" + line)
    put("codec_payload", "proto_envelope_shortcut", b"\x05" + b"\x00" + b"\x0a\x03abc")
    put("codec_payload", "proto_invoice", b"\x06" + b"\x00" + b"\x0a\x02i1\x12\x02t1\x1a\x06\x08\x80\xe6\x9b\xbb\x06")
    put("codec_payload", "json", b"\x07" + b'{"orderId":"o1","status":"PLACED","lines":[{"sku":"a","quantity":1,"unitPrice":2.5}],"total":2.5}')
    put("codec_payload", "json_multiline", b"\x07" + b'{\n  "orderId": "o\\n1",\n  "lines": []\n}\n')


def resp(v):
    """RESP2/3 encoding of nested Python values (bytes -> bulk, int -> int, list -> array,
    dict -> map, None -> null)."""
    if v is None:
        return b"_\r\n"
    if isinstance(v, bool):
        return b"#t\r\n" if v else b"#f\r\n"
    if isinstance(v, int):
        return b":%d\r\n" % v
    if isinstance(v, bytes):
        return b"$%d\r\n%s\r\n" % (len(v), v)
    if isinstance(v, list):
        return b"*%d\r\n" % len(v) + b"".join(resp(x) for x in v)
    if isinstance(v, dict):
        return b"%%%d\r\n" % len(v) + b"".join(resp(k) + resp(x) for k, x in v.items())
    raise TypeError(v)


def tree(v):
    """The redis_entry target's tree encoding (see evctl_fuzz::redis_value)."""
    if v is None:
        return b"\x00"
    if isinstance(v, int):
        return b"\x01" + i64(v)
    if isinstance(v, bytes):
        return b"\x02" + bytes([len(v)]) + v
    if isinstance(v, list):
        assert len(v) < 16, v
        return b"\x03" + bytes([len(v)]) + b"".join(tree(x) for x in v)
    if isinstance(v, dict):
        assert len(v) < 8, v
        return b"\x04" + bytes([len(v)]) + b"".join(tree(k) + tree(x) for k, x in v.items())
    raise TypeError(v)


def redis_entry():
    entry = [b"1700000000000-1", [b"a", b"1", b"a", b"2", b"k", b"key-1", b"v", b"\xff"]]
    deleted = [b"1700000000000-2", None]
    xrange_reply = [entry, deleted, [b"5", [b"\xff\xfe", b"x"]]]
    xread2 = [[b"orders", [entry, deleted]]]
    xread3 = {b"orders": [entry, deleted]}
    job = [b"name", b"send", b"data", b'{"to":"a@b.c"}', b"opts", b'{"attempts":3,"de":{"id":"x"},"kl":5}',
           b"timestamp", b"1700000000000", b"atm", b"2", b"failedReason", b"boom",
           b"stacktrace", b'["at a","at b"]', b"returnvalue", b"null", b"parentKey", b"bull:p:1"]
    # the tree encoding holds at most 15 array items and 7 map entries: the job as a map
    job_map = dict(zip(job[0:14:2], job[1:14:2]))
    xpending = [[b"1700000000000-1", b"consumer-1", 5000, 3]]
    for name, v in [("xrange", xrange_reply), ("xread_resp2", xread2), ("xread_resp3", xread3),
                    ("job", job), ("job_map", job_map), ("xpending", xpending)]:
        put("redis_entry", name + "_resp", b"\x01" + resp(v))
        if name != "job":
            put("redis_entry", name + "_tree", b"\x00" + tree(v))
    put("redis_entry", "resp_misc", b"\x01*6\r\n+OK\r\n-ERR no\r\n,3.5\r\n(12345678901234567890123\r\n=15\r\ntxt:hello world\r\n~1\r\n$1\r\na\r\n")


def amqp_wire_value(v):
    if isinstance(v, bool):
        return b"t" + (b"\x01" if v else b"\x00")
    if isinstance(v, int):
        return b"l" + i64(v)
    if isinstance(v, bytes):
        return b"S" + i32(len(v)) + v
    if isinstance(v, list):
        body = b"".join(amqp_wire_value(x) for x in v)
        return b"A" + i32(len(body)) + body
    if isinstance(v, dict):
        return b"F" + amqp_wire_table(v)
    if isinstance(v, tuple) and v[0] == "T":
        return b"T" + struct.pack(">Q", v[1])
    raise TypeError(v)


def amqp_wire_table(d):
    body = b"".join(bytes([len(k)]) + k + amqp_wire_value(v) for k, v in d.items())
    return i32(len(body)) + body


def amqp_headers():
    death = {b"queue": b"notify.email.high", b"reason": b"rejected", b"count": 2,
             b"time": ("T", 1700000000), b"exchange": b"notify", b"routing-keys": [b"email.high"]}
    headers = {b"x-death": [death, {b"queue": b"q2", b"reason": b"expired", b"count": 1}],
               b"x-first-death-queue": b"notify.email.high", b"attempt": 3, b"raw": b"\xff\x00",
               b"flag": True, b"nested": {b"a": [1, b"b", {b"c": False}]}}
    put("amqp_headers", "wire_table", b"\x01" + amqp_wire_table(headers))
    put("amqp_headers", "wire_value", b"\x03" + amqp_wire_value([death]))
    # every type id RabbitMQ uses, one entry each (name = the id)
    typed = [
        (b"t", b"t\x01"), (b"b", b"b\xfb"), (b"B", b"B\xfb"), (b"s", b"s\xff\xf9"),
        (b"u", b"u\x00\x07"), (b"I", b"I" + i32(-7)), (b"i", b"i\xff\xff\xff\xff"),
        (b"l", b"l" + i64(-1)), (b"f", b"f\x3f\xc0\x00\x00"), (b"d", b"d" + struct.pack(">d", 1e308)),
        (b"D", b"D\x02\x00\x00\x04\xd2"), (b"S", b"S" + i32(2) + b"\xff\x00"),
        (b"T", b"T" + i64(1700000000)), (b"x", b"x" + i32(1) + b"\x00"), (b"V", b"V"),
        (b"A", b"A" + i32(0)), (b"F", b"F" + i32(0)),
    ]
    body = b"".join(bytes([len(n)]) + n + v for n, v in typed)
    put("amqp_headers", "wire_types", b"\x01" + i32(len(body)) + body)
    # built tables: names by index into DEATH_FIELDS (0 queue, 1 exchange, 2 reason, 3 count,
    # 4 time, 5 routing-keys); values tag + payload (see evctl_fuzz::amqp_value)
    entry = (b"\x06" + b"\x00\x0b\x06orders" + b"\x01\x0b\x02ex" + b"\x02\x0a\x08rejected"
             + b"\x03\x07" + i64(4) + b"\x04\x0c" + i64(1700000000)
             + b"\x05\x0f\x02\x0b\x01a\x0a\x01b")
    put("amqp_headers", "built_x_death", b"\x02" + b"\x01\xff\x07attempt\x05\x00\x00\x00\x03" + b"\x02" + entry + entry)
    put("amqp_headers", "built_nested", b"\x00" + b"\x02\x07\x10\x01\xff\x01x\x0f\x02\x10\x00\x11\x00\xff\x01y\x0e\x02\xff\x00")


def filter_():
    put("filter", "where", b"\x00" + b'.status == "placed" and (.lines | length) > 0')
    put("filter", "where_vars", b"\x00" + b'$key == "order-1" and ($headers | length) == 4 and $partition == 3 and $offset == 42 and ($timestamp | . > 0) and $topic == "orders"')
    put("filter", "where_std", b"\x00" + b'(.customer.name | test("^A"; "i")) and (.total | floor) == 12 and ([.lines[] | .qty] | add) == 2 and (tostring | @base64d? // true)')
    put("filter", "grep", b"\x00" + b'(?i)"status"\\s*:\\s*"placed"')
    put("filter", "glob", b"\x00" + b"order-*?")
    put("filter", "header_spec", b"\x00" + b"trace=a*")
    rec = b"\x00orders\x00order-1\x00" + b'{"status":"failed","attempts":3,"lines":[{"sku":"a"},{"sku":"b"}],"customer":{"name":"Ann"},"id":1,"n":[1,2,3.5e2]}' + b"\x00trace\x00abc\x00kafka_dlt-exception-message\x00read timeout"
    put("filter", "record", b"\x01" + rec)
    put("filter", "record_not_json", b"\x01" + b"\x01s\x00\x01\x00{\"a\":1,\"a\":2} trailing\x00trace\x00\x01")


# ------------------------------------------------------------------ dictionaries


def dict_line(token):
    # tokens are text or bytes written as \xNN escapes: one character is one byte
    if isinstance(token, str):
        token = token.encode("latin-1")
    out = []
    for b in token:
        if b in (0x22, 0x5C) or b < 0x20 or b >= 0x7F:
            out.append("\\x%02x" % b)
        else:
            out.append(chr(b))
    return '"%s"' % "".join(out)


def write_dict(name, tokens):
    os.makedirs(os.path.join(HERE, "dicts"), exist_ok=True)
    seen = []
    for t in tokens:
        if t not in seen:
            seen.append(t)
    with open(os.path.join(HERE, "dicts", name + ".dict"), "w") as f:
        f.write("# libFuzzer dictionary for the %s target (written by make_corpus.py)\n" % name)
        for t in seen:
            f.write(dict_line(t) + "\n")


SPEC_KEYS = [
    "defaults", "profiles", "managed", "protected", "ignore_configs", "topics", "consumers",
    "schemas", "dialects", "acls", "quotas", "name", "profile", "partitions", "replication_factor",
    "retention", "retention_bytes", "compression", "cleanup_policy", "min_insync_replicas",
    "max_message_bytes", "configs", "prefixes", "principals", "group", "max_lag", "max_time_lag",
    "subject", "file", "compatibility", "type", "policy", "references", "original_topic",
    "original_partition", "original_offset", "original_timestamp", "error_class", "error_message",
    "attempts", "principal", "resource", "pattern", "operations", "permission", "host", "role",
    "topic", "transactional_id", "producers", "consumers", "user", "client_id", "ip",
    "producer_byte_rate", "consumer_byte_rate", "request_percentage", "controller_mutation_rate",
    "connection_creation_rate",
]
SPEC_VALUES = [
    "retention.ms", "retention.bytes", "cleanup.policy", "compression.type", "min.insync.replicas",
    "max.message.bytes", "segment.ms", "segment.bytes", "message.timestamp.type",
    "unclean.leader.election.enable", "min.cleanable.dirty.ratio", "delete.retention.ms",
    "confluent.tier.enable", "infinite", "unlimited", "compact", "delete", "zstd", "lz4", "gzip",
    "snappy", "uncompressed", "producer", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD",
    "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE", "avro", "json", "protobuf", "strict",
    "lenient", "topic", "cluster", "transactional_id", "literal", "prefixed", "allow", "deny",
    "all", "read", "write", "describe", "describe_configs", "alter_configs", "idempotent_write",
    "User:", "<default>", "kafka-cluster", "ms", "s", "m", "h", "d", "w", "B", "KB", "MB", "GB",
    "TB", "KiB", "MiB", "GiB", "TiB", "/s", "-1", "~", "null", "true", "false", "${", "}", ":-",
    "$$", "${PARTITIONS}", "${ENV}", "${EMPTY}", "${UNSET}", "${WEIRD}", "${N:-3}", ": ", "- ",
    "  ", "\n", "{", "}", "[", "]", ", ", "'", "\"", "|", ">", "&a", "*a", "!!str", "---", "...",
    "#", "? ", "\\.", "^", "$", "[a-z]", ".*", "legacy-*", "__*",
]

AVRO = [
    "type", "name", "namespace", "fields", "doc", "default", "aliases", "order", "symbols",
    "items", "values", "size", "logicalType", "precision", "scale", "record", "enum", "array",
    "map", "fixed", "null", "boolean", "int", "long", "float", "double", "bytes", "string",
    "decimal", "big-decimal", "uuid", "date", "time-millis", "time-micros", "timestamp-millis",
    "timestamp-micros", "timestamp-nanos", "local-timestamp-millis", "local-timestamp-micros",
    "local-timestamp-nanos", "duration", "ascending", "descending", "ignore", "com.acme.Money",
    "Money", "\xff", "{", "}", "[", "]", ":", ",", "\"", "\\u0000", "null,",
]

JSON_SCHEMA = [
    "$schema", "$id", "$ref", "$defs", "$anchor", "definitions", "type", "properties", "required",
    "additionalProperties", "items", "prefixItems", "additionalItems", "oneOf", "anyOf", "allOf",
    "not", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "pattern", "patternProperties", "dependentRequired",
    "dependentSchemas", "dependencies", "contains", "minItems", "maxItems", "uniqueItems",
    "minProperties", "maxProperties", "propertyNames", "if", "then", "else", "format",
    "multipleOf", "unevaluatedProperties", "unevaluatedItems", "default", "title", "object",
    "array", "string", "number", "integer", "boolean", "null", "true", "false", "money.json",
    "#/definitions/", "#/$defs/", "#", "http://json-schema.org/draft-07/schema#",
    "https://json-schema.org/draft/2020-12/schema", "\xff",
]

PROTO = [
    "syntax", "\"proto2\"", "\"proto3\"", "edition", "package", "import", "public", "weak",
    "option", "message", "enum", "service", "rpc", "returns", "stream", "oneof", "map", "reserved",
    "extensions", "extend", "to", "max", "repeated", "optional", "required", "group", "double",
    "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
    "sfixed32", "sfixed64", "bool", "string", "bytes", "default", "packed", "deprecated",
    "json_name", "allow_alias", "google/protobuf/timestamp.proto", "google/protobuf/any.proto",
    "google/protobuf/wrappers.proto", "google/protobuf/descriptor.proto",
    "confluent/meta.proto", "confluent/type/decimal.proto", "google/type/money.proto",
    "shop/v1/money.proto", "google.protobuf.Timestamp", "shop.v1.Money", " = ", ";", "{", "}",
    "<", ">", "[", "]", "\xff",
]

RECORD_JSON = [
    "topic", "stream", "queue", "partition", "offset", "id", "timestamp", "timestamp_ms",
    "timestamp_type", "key", "value", "headers", "key_schema", "value_schema", "subject",
    "version", "format", "message", "guid", "base64", "create", "log_append", "not_available",
    "AVRO", "PROTOBUF", "JSON", "delivery", "redelivered", "1700000000000-0",
    "2025-01-01T00:00:00.000Z", "+10000-01-01T00:00:00.000Z", "-0001-12-31T23:00:00.000Z",
    "9223372036854775807", "-9223372036854775808", "2147483647", "\\u0000", "\\ud83d\\ude00",
    "null", "true", "false", "{\"base64\":\"", "\":", "\",\"", "[[", "]]",
]

TEMPLATE = [
    "{topic}", "{partition}", "{offset}", "{timestamp}", "{timestamp_ms}", "{timestamp_type}",
    "{key}", "{value}", "{headers}", "{header.", "{key_len}", "{value_len}", ":text", ":hex",
    ":base64", ":json", "{{", "}}", "\\n", "\\t", "\\r", "\\0", "\\\\", "\xff",
]

OFFSETS = [
    "start", "end", "+", "-", "@", "@-", ":", ",", "T", "Z", "z", "t", " ", ".", "+01:30",
    "-00:00", "2025-01-01", "T00:00:00", "2025-01-01T00:00:00Z", "1700000000000-0", "ms", "s",
    "m", "h", "d", "w", "18446744073709551615", "9223372036854775807", "2147483647", "0000",
    "+10000", "-0001", "02-29", "23:59:60", ".999999999",
]

DLQ = [
    "__connect.errors.topic", "__connect.errors.partition", "__connect.errors.offset",
    "__connect.errors.exception.class.name", "__connect.errors.exception.message",
    "__streams.errors.topic", "__streams.errors.partition", "__streams.errors.offset",
    "__streams.errors.exception", "__streams.errors.message", "kafka_dlt-original-topic",
    "kafka_dlt-original-partition", "kafka_dlt-original-offset", "kafka_dlt-original-timestamp",
    "kafka_dlt-original-consumer-group", "kafka_dlt-exception-fqcn",
    "kafka_dlt-exception-cause-fqcn", "kafka_dlt-exception-message",
    "kafka_dlt-key-exception-fqcn", "kafka_original-topic", "kafka_original-partition",
    "kafka_original-offset", "kafka_original-timestamp", "kafka_exception-fqcn",
    "retry_topic-attempts", "retry_topic-backoff-timestamp", "retry_topic-original-timestamp",
    "evctl-original-topic", "evctl-original-partition", "evctl-original-offset",
    "evctl-original-timestamp", "evctl-error-class", "evctl-error-message", "evctl-attempts",
    "evctl-replay-count", "topic_poisoned", "reason_poisoned", "handler_poisoned",
    "subscriber_poisoned", "original-topic", "original_partition", "error.class",
    "exception-message", "attempt-count", "retry_count", "x-source-topic", "x-error",
    "ListenerExecutionFailedException", "java.lang.IllegalStateException", ": ",
    "original_event", "error", "original_topic", "source_topic", "metadata", "payload",
    "occurred_at", "attempt_count", "consumer_group", "message", "class",
    "\x00\x00\x00\x05", "\x00\x00\x00\x00\x00\x00\x00\x2a", "\xff\xff\xff\xff\xff\xff\xff\xff\xff",
]

FILTER = [
    "select", "test", "match", "capture", "sub", "gsub", "ascii_downcase", "startswith",
    "endswith", "contains", "inside", "has", "in", "index", "length", "keys", "values", "map",
    "map_values", "to_entries", "from_entries", "with_entries", "add", "any", "all", "flatten",
    "sort", "sort_by", "group_by", "unique", "min", "max", "tostring", "tonumber", "type",
    "@base64", "@base64d", "@uri", "@html", "@csv", "@tsv", "@json", "@text", "todate",
    "fromdate", "now", "split", "join", "ltrimstr", "rtrimstr", "explode", "implode", "splits",
    "ascii", "tojson", "fromjson", "getpath", "paths", "leaf_paths", "del", "to_number", "error",
    "try", "catch", "reduce", "foreach", "as", "if", "then", "elif", "else", "end", "and", "or",
    "not", "//", "?", "|", ".[]", "..", "$key", "$topic", "$partition", "$offset", "$timestamp",
    "$headers", "$__loc__", "label", "break", "first", "last", "nth", "isempty", "empty",
    "(?i)", "(?-u)", "\\x", "\\d", "\\s", "\\w", "\\b", "[^", "]", "{2,}", "*", "?", "=",
]

AMQP = [
    "x-death", "x-first-death-queue", "x-first-death-reason", "x-last-death-queue",
    "x-delivery-count", "x-received-from", "queue", "exchange", "reason", "count", "time",
    "routing-keys", "rejected", "expired", "maxlen", "delivery_limit", "t", "b", "B", "s", "u",
    "I", "i", "l", "L", "f", "d", "D", "S", "A", "T", "F", "x", "V", "\x00\x00\x00\x00",
    "\x00\x00\x00\x10",
]

REDIS = [
    "*", "$", "+", "-", ":", "_", ",", "#t", "#f", "(", "=", "%", "~", "|", ">", "!", "\r\n",
    "$-1\r\n", "*-1\r\n", "1700000000000-0", "name", "data", "opts", "timestamp", "atm",
    "attemptsMade", "failedReason", "stacktrace", "returnvalue", "progress", "parentKey", "parent",
    "processedOn", "finishedOn", "delay", "priority", "ats", "stc", "deid", "rjk", "pb",
    "attempts", "de", "fpof", "cpof", "idof", "kl", "rdof", "txt:", "mkd:", "k", "v", "id",
]

SCRAM = ["r=", "s=", "i=", "e=", "v=", "m=", "c=biws", "fixednonce", ",", "4096", "4097", "==", "p="]

BATCH = [
    "\x1f\x8b\x08", "\x82SNAPPY\x00", "\x04\x22\x4d\x18", "\x28\xb5\x2f\xfd", "\x02",
    "\x00\x00\x00\x01", "\xff\xff\xff\xff", "\x7f\xff\xff\xff\xff\xff\xff\xff",
    "\x80\x00\x00\x00\x00\x00\x00\x00", "\x01", "\x00\x00",
]


def dicts():
    write_dict("spec_yaml", SPEC_KEYS + [k + ": " for k in SPEC_KEYS[:20]] + SPEC_VALUES)
    write_dict("schema_avro", AVRO)
    write_dict("schema_json", JSON_SCHEMA)
    write_dict("schema_protobuf", PROTO)
    write_dict("record_json", RECORD_JSON)
    write_dict("input_line", RECORD_JSON + ["\\t", "\\n", "\\x1f", "\\0", "=", "payload", "type",
                                            "occurred_at", "source", "correlation_id",
                                            "trace_id", "partition_key", "tenant_id"])
    write_dict("template", TEMPLATE)
    write_dict("offsets", OFFSETS)
    write_dict("dlq_dialect", DLQ)
    write_dict("filter", FILTER)
    write_dict("amqp_headers", AMQP)
    write_dict("redis_entry", REDIS)
    write_dict("scram", SCRAM)
    write_dict("record_batch", BATCH)
    write_dict("fetch_stream", BATCH)


def main():
    spec_yaml()
    schema_avro()
    schema_json()
    schema_protobuf()
    record_json()
    input_line()
    template()
    offsets()
    kafka_frame()
    fetch_stream()
    batches()
    scram()
    dlq_dialect()
    registry_framing()
    codec_payload()
    redis_entry()
    amqp_headers()
    filter_()
    dicts()
    total = 0
    for d in sorted(os.listdir(CORPUS)):
        n = len(os.listdir(os.path.join(CORPUS, d)))
        total += n
        print("%-18s %3d seeds" % (d, n))
    print("%d seeds in %s" % (total, CORPUS), file=sys.stderr)


if __name__ == "__main__":
    main()
