#!/usr/bin/env python3
"""A Confluent-compatible, in-memory schema registry for the serde tests (stdlib only).

    python3 sr_registry.py --port 0 --port-file FILE [--verbose]

Binds 127.0.0.1 (port 0: a free one), writes the port to FILE once listening (atomically: a
reader never sees a partial file), serves until SIGTERM or SIGINT, then exits 0.

Semantics follow Confluent Schema Registry where the tests can see them:
- schema ids are global: the same (schemaType, schema text, references) registered under two
  subjects gets the same id; ids start at 1. Each schema also has a deterministic GUID (a UUIDv5
  of its identity), so a rerun of the same test registers the same GUIDs.
- re-registering a schema already under a subject returns its id without a new version.
- the schema text is stored exactly as sent (Protobuf from confluent-kafka-python arrives as
  base64 of a serialized FileDescriptorProto; from other clients as .proto text). There is no
  compatibility checking and no schema normalization; `normalize`, `format`, `subject`,
  `deleted` and other query parameters are accepted and ignored.
- errors are {"error_code": N, "message": "..."}: 40401 subject not found, 40402 version not
  found, 40403 schema not found, 42201 invalid schema, 42202 invalid version, 40408 subject has
  no compatibility level, 422 unparsable JSON body, 404/405 unknown path/method.

Endpoints: POST /subjects/{s}/versions, POST /subjects/{s}, GET /subjects,
GET /subjects/{s}/versions, GET /subjects/{s}/versions/{v|latest|-1}[/schema],
GET /schemas/ids/{id}, GET /schemas/ids/{id}/versions, GET /schemas/ids/{id}/subjects,
GET /schemas/guids/{guid}, GET /config, GET /config/{s} (?defaultToGlobal=true), GET /schemas/types,
GET / ({}). Subject names in paths are percent-decoded after splitting the path on "/".

Test hooks (never logged, never faulted):
- GET /_test/log: the requests seen so far, ["POST /subjects/t-value/versions", ...]: method and
  the raw path as sent (still percent-encoded), without the query.
- POST /_test/fault {"prefix": "/schemas/ids/", "status": 500, "body": "not json",
  "content_type"?: "text/plain", "times"?: N}: every later request whose raw path starts with
  prefix gets that status and raw body (content type text/plain; charset=utf-8 unless given;
  `times` limits it to the next N such requests). Several faults may be set; the first matching
  one answers. DELETE /_test/fault clears them all. DELETE /_test/log empties the log.
"""

import argparse
import json
import os
import signal
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"
SCHEMA_TYPES = ("AVRO", "PROTOBUF", "JSON")
GUID_NAMESPACE = uuid.UUID("5b0c7a4e-8f1d-4c2a-9a57-3f1e0d6c2b91")  # fixed: deterministic GUIDs
MAX_BODY = 16 * 1024 * 1024


class HttpError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def subject_not_found(subject):
    return HttpError(404, 40401, "Subject '%s' not found." % subject)


def version_not_found(version):
    return HttpError(404, 40402, "Version %s not found." % version)


def schema_not_found(what=None):
    return HttpError(404, 40403, "Schema %snot found." % ("%s " % what if what is not None else ""))


def invalid_schema(message):
    return HttpError(422, 42201, "Invalid schema: %s" % message)


class Registry:
    """All the state, behind one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.schemas = []  # id-1 -> {"id", "guid", "schemaType", "schema", "references"}
        self.by_key = {}  # identity key -> id
        self.by_guid = {}  # guid -> id
        self.subjects = {}  # subject -> [id of version 1, id of version 2, ...]
        self.log = []
        self.faults = []  # dicts: prefix, status, body, content_type, times (None = forever)

    # -- helpers (call with the lock held) --

    @staticmethod
    def _key(schema_type, schema, refs):
        return json.dumps([schema_type, schema, refs], sort_keys=True, separators=(",", ":"))

    def _versions(self, subject):
        versions = self.subjects.get(subject)
        if not versions:
            raise subject_not_found(subject)
        return versions

    def _version_number(self, subject, version):
        versions = self._versions(subject)
        if version in ("latest", "-1"):
            return len(versions)
        try:
            n = int(version)
        except ValueError:
            raise HttpError(
                422, 42202,
                "The specified version '%s' is not a valid version id. Allowed values are between "
                "[1, 2^31-1] and the string \"latest\"" % version)
        if n < 1 or n > len(versions):
            raise version_not_found(version)
        return n

    def _schema_body(self, sid, with_id=False):
        s = self.schemas[sid - 1]
        body = {}
        if with_id:
            body["id"] = s["id"]
        if s["schemaType"] != "AVRO":
            body["schemaType"] = s["schemaType"]
        if s["references"]:
            body["references"] = [dict(r) for r in s["references"]]
        body["schema"] = s["schema"]
        body["guid"] = s["guid"]
        return body

    def _subject_version_body(self, subject, version):
        sid = self.subjects[subject][version - 1]
        body = {"subject": subject, "version": version, "id": sid}
        body.update(self._schema_body(sid))
        return body

    def _parse_schema_request(self, body):
        if not isinstance(body, dict):
            raise HttpError(422, 422, "Unrecognized request body: expected a JSON object")
        schema = body.get("schema")
        if not isinstance(schema, str) or schema == "":
            raise invalid_schema("'schema' must be a non-empty string")
        schema_type = body.get("schemaType")
        schema_type = "AVRO" if schema_type is None else schema_type
        if not isinstance(schema_type, str) or schema_type.upper() not in SCHEMA_TYPES:
            raise HttpError(422, 42201, "Invalid schema type %r" % (schema_type,))
        schema_type = schema_type.upper()
        if schema_type in ("AVRO", "JSON"):
            try:
                json.loads(schema)
            except ValueError as e:
                raise invalid_schema("%s schema is not valid JSON: %s" % (schema_type, e))
        raw_refs = body.get("references") or []
        if not isinstance(raw_refs, list):
            raise invalid_schema("'references' must be a list")
        refs = []
        for r in raw_refs:
            if (not isinstance(r, dict) or not isinstance(r.get("name"), str)
                    or not isinstance(r.get("subject"), str)
                    or not isinstance(r.get("version"), int) or isinstance(r.get("version"), bool)):
                raise invalid_schema("a reference must be {\"name\": str, \"subject\": str, \"version\": int}")
            refs.append({"name": r["name"], "subject": r["subject"], "version": r["version"]})
        return schema_type, schema, refs

    def _check_refs(self, refs):
        for r in refs:
            versions = self.subjects.get(r["subject"])
            v = r["version"]
            if not versions or not (v == -1 or 1 <= v <= len(versions)):
                raise invalid_schema("reference %s to %s version %s does not exist"
                                     % (r["name"], r["subject"], v))

    # -- endpoints --

    def register(self, subject, body):
        schema_type, schema, refs = self._parse_schema_request(body)
        with self.lock:
            self._check_refs(refs)
            key = self._key(schema_type, schema, refs)
            sid = self.by_key.get(key)
            if sid is None:
                sid = len(self.schemas) + 1
                guid = str(uuid.uuid5(GUID_NAMESPACE, key))
                self.schemas.append({"id": sid, "guid": guid, "schemaType": schema_type,
                                     "schema": schema, "references": refs})
                self.by_key[key] = sid
                self.by_guid[guid] = sid
            versions = self.subjects.setdefault(subject, [])
            if sid not in versions:
                versions.append(sid)
            version = versions.index(sid) + 1
            return {"id": sid, "version": version, "guid": self.schemas[sid - 1]["guid"]}

    def lookup(self, subject, body):
        schema_type, schema, refs = self._parse_schema_request(body)
        with self.lock:
            versions = self._versions(subject)
            sid = self.by_key.get(self._key(schema_type, schema, refs))
            if sid is None or sid not in versions:
                raise schema_not_found()
            return self._subject_version_body(subject, versions.index(sid) + 1)

    def list_subjects(self):
        with self.lock:
            return sorted(self.subjects)

    def list_versions(self, subject):
        with self.lock:
            return list(range(1, len(self._versions(subject)) + 1))

    def get_version(self, subject, version, schema_only=False):
        with self.lock:
            n = self._version_number(subject, version)
            if schema_only:
                return self.schemas[self.subjects[subject][n - 1] - 1]["schema"]
            return self._subject_version_body(subject, n)

    def _id(self, raw):
        try:
            sid = int(raw)
        except ValueError:
            raise schema_not_found(raw)
        if not 1 <= sid <= len(self.schemas):
            raise schema_not_found(sid)
        return sid

    def get_by_id(self, raw):
        with self.lock:
            return self._schema_body(self._id(raw))

    def id_versions(self, raw):
        with self.lock:
            sid = self._id(raw)
            return [{"subject": s, "version": i + 1}
                    for s in sorted(self.subjects) for i, v in enumerate(self.subjects[s]) if v == sid]

    def id_subjects(self, raw):
        return sorted({sv["subject"] for sv in self.id_versions(raw)})

    def get_by_guid(self, guid):
        with self.lock:
            sid = self.by_guid.get(guid.lower())
            if sid is None:
                raise schema_not_found(guid)
            return self._schema_body(sid, with_id=True)

    def subject_config(self, subject, default_to_global):
        with self.lock:
            if default_to_global:
                return {"compatibilityLevel": "BACKWARD"}
            raise HttpError(404, 40408,
                            "Subject '%s' does not have subject-level compatibility configured" % subject)

    # -- test hooks --

    def record(self, method, path):
        with self.lock:
            self.log.append("%s %s" % (method, path))

    def fault_for(self, path):
        with self.lock:
            for f in self.faults:
                if path.startswith(f["prefix"]) and (f["times"] is None or f["times"] > 0):
                    if f["times"] is not None:
                        f["times"] -= 1
                    return f
        return None

    def add_fault(self, body):
        if not isinstance(body, dict) or not isinstance(body.get("prefix"), str):
            raise HttpError(422, 422, "fault needs {\"prefix\": str, \"status\": int, \"body\": str}")
        status = body.get("status", 500)
        if not isinstance(status, int) or not 100 <= status <= 599:
            raise HttpError(422, 422, "fault status must be an HTTP status code")
        raw = body.get("body", "")
        if not isinstance(raw, str):
            raw = json.dumps(raw)
        times = body.get("times")
        if times is not None and (not isinstance(times, int) or times < 0):
            raise HttpError(422, 422, "fault times must be a non-negative integer")
        with self.lock:
            self.faults.append({"prefix": body["prefix"], "status": status, "body": raw,
                                "content_type": str(body.get("content_type", "text/plain; charset=utf-8")),
                                "times": times})
        return {"faults": len(self.faults)}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # one response is written in pieces: without this, Nagle and the client's delayed ACK add
    # 40 ms to each request
    disable_nagle_algorithm = True
    server_version = "evctl-test-registry/1"
    registry = None  # set in main
    verbose = False

    def log_message(self, fmt, *args):
        if self.verbose:
            sys.stderr.write("sr_registry: %s\n" % (fmt % args))

    # -- plumbing --

    def _read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            data = b""
            while True:
                line = self.rfile.readline(1024)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline(8)
                if len(data) > MAX_BODY:
                    raise HttpError(413, 413, "request body too large")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise HttpError(413, 413, "request body too large")
        return self.rfile.read(length) if length > 0 else b""

    def _json_body(self):
        raw = self._read_body()
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise HttpError(422, 422, "Unrecognized or malformed JSON request body: %s" % e)

    def _send(self, status, body, content_type=CONTENT_TYPE):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _send_json(self, status, obj):
        self._send(status, json.dumps(obj))

    def _handle(self):
        split = urlsplit(self.path)
        path = split.path or "/"
        query = parse_qs(split.query)
        method = self.command
        reg = self.registry
        try:
            if path.startswith("/_test/"):
                # the body is read before answering so keep-alive connections stay in sync
                body = self._json_body() if method == "POST" else None
                if path == "/_test/log" and method == "GET":
                    with reg.lock:
                        return self._send_json(200, list(reg.log))
                if path == "/_test/log" and method == "DELETE":
                    with reg.lock:
                        reg.log.clear()
                    return self._send_json(200, [])
                if path == "/_test/fault" and method == "POST":
                    return self._send_json(200, reg.add_fault(body))
                if path == "/_test/fault" and method == "DELETE":
                    with reg.lock:
                        reg.faults.clear()
                    return self._send_json(200, {"faults": 0})
                raise HttpError(404, 404, "HTTP 404 Not Found")

            reg.record(method, path)
            # drain any body first: a fault answer must not leave it on a keep-alive connection
            raw_body = self._read_body() if method in ("POST", "PUT") else b""
            fault = reg.fault_for(path)
            if fault is not None:
                return self._send(fault["status"], fault["body"], fault["content_type"])

            def body():
                try:
                    return json.loads(raw_body.decode("utf-8"))
                except (UnicodeDecodeError, ValueError) as e:
                    raise HttpError(422, 422, "Unrecognized or malformed JSON request body: %s" % e)

            parts = [unquote(p) for p in path.strip("/").split("/")] if path.strip("/") else []
            n = len(parts)
            route = None
            if n == 0:
                route = {"GET": lambda: {}}
            elif parts[0] == "subjects":
                if n == 1:
                    route = {"GET": reg.list_subjects}
                elif n == 2:
                    route = {"POST": lambda: reg.lookup(parts[1], body())}
                elif n == 3 and parts[2] == "versions":
                    route = {"GET": lambda: reg.list_versions(parts[1]),
                             "POST": lambda: reg.register(parts[1], body())}
                elif n == 4 and parts[2] == "versions":
                    route = {"GET": lambda: reg.get_version(parts[1], parts[3])}
                elif n == 5 and parts[2] == "versions" and parts[4] == "schema":
                    route = {"GET": lambda: reg.get_version(parts[1], parts[3], schema_only=True)}
            elif parts[0] == "schemas":
                if n == 2 and parts[1] == "types":
                    route = {"GET": lambda: list(SCHEMA_TYPES)}
                elif n == 3 and parts[1] == "ids":
                    route = {"GET": lambda: reg.get_by_id(parts[2])}
                elif n == 4 and parts[1] == "ids" and parts[3] == "versions":
                    route = {"GET": lambda: reg.id_versions(parts[2])}
                elif n == 4 and parts[1] == "ids" and parts[3] == "subjects":
                    route = {"GET": lambda: reg.id_subjects(parts[2])}
                elif n == 3 and parts[1] == "guids":
                    route = {"GET": lambda: reg.get_by_guid(parts[2])}
            elif parts[0] == "config":
                if n == 1:
                    route = {"GET": lambda: {"compatibilityLevel": "BACKWARD"}}
                elif n == 2:
                    dtg = query.get("defaultToGlobal", ["false"])[-1].lower() == "true"
                    route = {"GET": lambda: reg.subject_config(parts[1], dtg)}
            if route is None:
                raise HttpError(404, 404, "HTTP 404 Not Found")
            if method not in route:
                raise HttpError(405, 405, "HTTP 405 Method Not Allowed")
            return self._send_json(200, route[method]())
        except HttpError as e:
            return self._send_json(e.status, {"error_code": e.code, "message": e.message})
        except Exception as e:  # a bug here must answer, not drop the connection
            return self._send_json(500, {"error_code": 50001, "message": "internal error: %r" % (e,)})

    do_GET = do_POST = do_PUT = do_DELETE = _handle


def main():
    ap = argparse.ArgumentParser(description="in-memory Confluent-compatible schema registry")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    Handler.registry = Registry()
    Handler.verbose = args.verbose
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    port = server.server_address[1]

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()

    if args.port_file:
        tmp = "%s.tmp.%d" % (args.port_file, os.getpid())
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    if args.verbose:
        sys.stderr.write("sr_registry: listening on http://127.0.0.1:%d\n" % port)

    while not stop.wait(0.5):
        if not thread.is_alive():
            return 1
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
