//! Size-prefixed framing: every Kafka message is a big-endian i32 length followed by that many bytes.

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::{RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, Request, StrBytes};
use tokio::io::{AsyncRead, AsyncReadExt};

/// Largest frame evctl accepts from a broker by default (fetch responses are the big ones);
/// `EVCTL_MAX_RESPONSE` changes it.
pub const MAX_FRAME: usize = 256 * 1024 * 1024;

/// The limit on answers that are small whatever the cluster: version lists, SASL steps, producer
/// ids, heartbeats.
pub const SMALL_FRAME: usize = 1024 * 1024;

/// The largest response accepted for a request of API `key`, under the global `cap`: a request
/// whose answer is small by nature gets [`SMALL_FRAME`]; the others (metadata, configs, offsets,
/// fetches, streamed with bounded memory) the cap.
pub fn response_limit(key: i16, cap: usize) -> usize {
    use kafka_protocol::messages::ApiKey;
    let small = matches!(
        ApiKey::try_from(key),
        Ok(ApiKey::ApiVersions
            | ApiKey::SaslHandshake
            | ApiKey::SaslAuthenticate
            | ApiKey::InitProducerId
            | ApiKey::Heartbeat
            | ApiKey::LeaveGroup)
    );
    if small { SMALL_FRAME.min(cap) } else { cap }
}

/// A limit for people: whole MiB, else bytes.
fn mib(n: usize) -> String {
    const M: usize = 1024 * 1024;
    if n.is_multiple_of(M) {
        format!("{} MiB", n / M)
    } else {
        format!("{n} bytes")
    }
}

/// The cut-short error of a frame of `len` bytes whose body could not be read whole.
pub fn cut_short(e: std::io::Error, len: usize) -> FrameError {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        FrameError::CutShort(len)
    } else {
        FrameError::Io(e)
    }
}

/// Encodes `req` at `version`, with its header, behind the length prefix.
pub fn encode_request<R: Request>(
    req: &R,
    version: i16,
    correlation_id: i32,
    client_id: &str,
) -> anyhow::Result<BytesMut> {
    let header = RequestHeader::default()
        .with_request_api_key(R::KEY)
        .with_request_api_version(version)
        .with_correlation_id(correlation_id)
        .with_client_id(Some(StrBytes::from_string(client_id.to_string())));
    let header_version = R::header_version(version);
    let size = header.compute_size(header_version)? + req.compute_size(version)?;
    let mut buf = BytesMut::with_capacity(4 + size);
    buf.put_i32(size as i32);
    header.encode(&mut buf, header_version)?;
    req.encode(&mut buf, version)?;
    debug_assert_eq!(buf.len(), 4 + size);
    Ok(buf)
}

/// Decodes a response frame (without its length prefix) for request type `R` at `version`.
pub fn decode_response<R: Request>(mut frame: Bytes, version: i16) -> anyhow::Result<R::Response> {
    let header_version = <R::Response as HeaderVersion>::header_version(version);
    ResponseHeader::decode(&mut frame, header_version)?;
    let resp = R::Response::decode(&mut frame, version)?;
    Ok(resp)
}

/// Why a frame could not be read.
#[derive(Debug)]
pub enum FrameError {
    /// The stream ended cleanly between frames.
    Eof,
    /// The length prefix is impossible: the peer does not speak Kafka (TLS on a plain connection, HTTP, ...).
    BadLength(i32),
    /// A response announced above its request's limit: refused before reading (or allocating) it.
    TooLarge {
        len: usize,
        limit: usize,
    },
    /// A response whose correlation id matches no request in flight, refused unread.
    Stranger {
        id: i32,
        len: usize,
    },
    /// The peer closed the connection inside a frame of this length.
    CutShort(usize),
    Io(std::io::Error),
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::Eof => f.write_str("the broker closed the connection"),
            FrameError::BadLength(n) if looks_like_tls(n.to_be_bytes()) => write!(
                f,
                "the peer sent a frame of length {n}, which is not Kafka (a TLS port spoken to in plain text? try --tls)"
            ),
            FrameError::BadLength(n) => write!(
                f,
                "the peer sent a frame of length {n}, which is not Kafka (a frame holds at least its 4-byte correlation id): refused (a broken or hostile peer)"
            ),
            FrameError::TooLarge { len, limit } => write!(
                f,
                "the broker announced a response frame of {len} bytes, above the {} limit: refused unread (a broken or hostile peer, or not Kafka{})",
                mib(*limit),
                if *limit >= MAX_FRAME {
                    "; EVCTL_MAX_RESPONSE raises the limit"
                } else {
                    ""
                }
            ),
            FrameError::Stranger { id, len } => write!(
                f,
                "the broker answered correlation id {id} ({len} bytes), which matches no request in flight: refused unread (a broken or hostile peer)"
            ),
            FrameError::CutShort(len) => write!(
                f,
                "the broker closed the connection inside a response frame of {len} bytes (the frame was cut short)"
            ),
            FrameError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// True when a frame's length prefix reads as a TLS record header (content type 20 to 23,
/// version 3.x): a TLS peer spoken to in plain text.
fn looks_like_tls(len: [u8; 4]) -> bool {
    (0x14..=0x17).contains(&len[0]) && len[1] == 0x03
}

/// Reads a response frame's length prefix and correlation id, and returns the length of the rest
/// of the body and the id. Frames may be bigger than [`MAX_FRAME`] (streamed Fetch responses),
/// but not when their length reads as a TLS record.
pub async fn read_header<R: AsyncRead + Unpin>(reader: &mut R) -> Result<(usize, i32), FrameError> {
    let mut len = [0u8; 4];
    match reader.read_exact(&mut len).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Err(FrameError::Eof),
        Err(e) => return Err(FrameError::Io(e)),
    }
    let n = i32::from_be_bytes(len);
    if n < 4 || (n as usize > MAX_FRAME && looks_like_tls(len)) {
        return Err(FrameError::BadLength(n));
    }
    let mut id = [0u8; 4];
    reader.read_exact(&mut id).await.map_err(FrameError::Io)?;
    Ok((n as usize - 4, i32::from_be_bytes(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::api_versions_response::ApiVersion;
    use kafka_protocol::messages::{
        ApiVersionsRequest, ApiVersionsResponse, MetadataRequest, MetadataResponse,
    };

    #[test]
    fn request_frame_layout() {
        let req = MetadataRequest::default().with_topics(None);
        let frame = encode_request(&req, 1, 42, "evctl").unwrap();
        // length prefix covers the rest of the frame
        let len = i32::from_be_bytes(frame[..4].try_into().unwrap()) as usize;
        assert_eq!(len, frame.len() - 4);
        // header v1: api key, version, correlation id, client id (i16 length + bytes)
        assert_eq!(&frame[4..6], &3i16.to_be_bytes());
        assert_eq!(&frame[6..8], &1i16.to_be_bytes());
        assert_eq!(&frame[8..12], &42i32.to_be_bytes());
        assert_eq!(&frame[12..14], &5i16.to_be_bytes());
        assert_eq!(&frame[14..19], b"evctl");
        // Metadata v1 body: topics = null array (-1)
        assert_eq!(&frame[19..], &(-1i32).to_be_bytes());
    }

    #[test]
    fn flexible_request_header_has_tag_buffer() {
        let req = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_static_str("evctl"))
            .with_client_software_version(StrBytes::from_static_str("1"));
        let frame = encode_request(&req, 3, 7, "c").unwrap();
        // header v2 = v1 + empty tagged fields (0x00) right after the client id
        assert_eq!(&frame[12..15], &[0, 1, b'c']);
        assert_eq!(frame[15], 0);
    }

    fn response_frame<R: Encodable + HeaderVersion>(
        resp: &R,
        version: i16,
        correlation_id: i32,
    ) -> Bytes {
        let mut buf = BytesMut::new();
        let header = ResponseHeader::default().with_correlation_id(correlation_id);
        header.encode(&mut buf, R::header_version(version)).unwrap();
        resp.encode(&mut buf, version).unwrap();
        buf.freeze()
    }

    #[test]
    fn response_roundtrip_and_correlation() {
        let resp = MetadataResponse::default()
            .with_cluster_id(Some(StrBytes::from_static_str("c1")))
            .with_controller_id(7.into());
        let frame = response_frame(&resp, 12, 99);
        assert_eq!(i32::from_be_bytes(frame[..4].try_into().unwrap()), 99);
        let back = decode_response::<MetadataRequest>(frame, 12).unwrap();
        assert_eq!(back.cluster_id.as_deref(), Some("c1"));
        assert_eq!(back.controller_id.0, 7);
    }

    #[test]
    fn api_versions_response_header_is_always_v0() {
        let resp = ApiVersionsResponse::default().with_api_keys(vec![
            ApiVersion::default().with_api_key(3).with_max_version(12),
        ]);
        let frame = response_frame(&resp, 3, 5);
        // v0 response header: just the correlation id, no tag buffer, even for flexible v3
        let back = decode_response::<ApiVersionsRequest>(frame, 3).unwrap();
        assert_eq!(back.api_keys[0].max_version, 12);
    }

    #[tokio::test]
    async fn reads_frame_headers_and_rejects_garbage() {
        let mut data: &[u8] = &[0, 0, 0, 5, 0, 0, 0, 1, 9, 0, 0, 0, 4, 0, 0, 0, 2];
        assert_eq!(read_header(&mut data).await.unwrap(), (1, 1));
        data = &data[1..]; // the body
        assert_eq!(read_header(&mut data).await.unwrap(), (0, 2));
        assert!(matches!(read_header(&mut data).await, Err(FrameError::Eof)));
        // a TLS alert record read as a length prefix
        let mut tls: &[u8] = &[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28];
        assert!(matches!(
            read_header(&mut tls).await,
            Err(FrameError::BadLength(_))
        ));
        // a length below the correlation id's
        let mut tiny: &[u8] = &[0, 0, 0, 3, 1, 2, 3];
        assert!(matches!(
            read_header(&mut tiny).await,
            Err(FrameError::BadLength(3))
        ));
        // truncated header
        let mut short: &[u8] = &[0, 0, 0, 8, 1, 2];
        assert!(matches!(
            read_header(&mut short).await,
            Err(FrameError::Io(_))
        ));
    }

    /// A response announcing 2^31 - 1 array elements, strings and bytes of 2 GiB in a few bytes:
    /// decoding fails on the missing bytes without allocating for the counts (the patched
    /// kafka-protocol; unpatched, the array alone aborted the process).
    #[test]
    fn hostile_counts_do_not_allocate() {
        // ApiVersions v0: correlation id, error code, api_keys array of i32::MAX entries
        let mut f = BytesMut::new();
        f.put_i32(1);
        f.put_i16(0);
        f.put_i32(i32::MAX);
        f.put_i16(0);
        let e = decode_response::<ApiVersionsRequest>(f.freeze(), 0)
            .err()
            .unwrap();
        assert!(e.to_string().contains("Not enough bytes"), "{e}");
        // ApiVersions v3 (flexible body, v0 header): a compact array of u32::MAX - 1 entries
        let mut f = BytesMut::new();
        f.put_i32(1);
        f.put_i16(0);
        f.put_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(decode_response::<ApiVersionsRequest>(f.freeze(), 3).is_err());
        // Metadata v1: one broker whose host string claims 32,767 bytes, then nothing
        let mut f = BytesMut::new();
        f.put_i32(1);
        f.put_i32(1);
        f.put_i32(0);
        f.put_i16(i16::MAX);
        assert!(decode_response::<MetadataRequest>(f.freeze(), 1).is_err());
    }

    #[test]
    fn limits_by_request() {
        use kafka_protocol::messages::ApiKey;
        assert_eq!(
            response_limit(ApiKey::ApiVersions as i16, MAX_FRAME),
            SMALL_FRAME
        );
        assert_eq!(
            response_limit(ApiKey::SaslAuthenticate as i16, MAX_FRAME),
            SMALL_FRAME
        );
        assert_eq!(
            response_limit(ApiKey::Metadata as i16, MAX_FRAME),
            MAX_FRAME
        );
        assert_eq!(response_limit(ApiKey::Fetch as i16, 8 << 20), 8 << 20);
        assert_eq!(response_limit(ApiKey::ApiVersions as i16, 4096), 4096);
        assert!(
            FrameError::BadLength(-7)
                .to_string()
                .contains("at least its 4-byte")
        );
        assert!(
            FrameError::BadLength(0x1603_0300)
                .to_string()
                .contains("try --tls")
        );
    }
}
