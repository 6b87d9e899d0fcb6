//! Size-prefixed framing: every Kafka message is a big-endian i32 length followed by that many bytes.

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::{RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, Request, StrBytes};
use tokio::io::{AsyncRead, AsyncReadExt};

/// Largest frame evctl accepts from a broker (fetch responses are the big ones).
pub const MAX_FRAME: usize = 256 * 1024 * 1024;

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
    /// A whole response announced above [`MAX_FRAME`]: refused before reading (or allocating) it.
    TooLarge(usize),
    Io(std::io::Error),
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::Eof => f.write_str("the broker closed the connection"),
            FrameError::BadLength(n) => write!(
                f,
                "the peer sent a frame of length {n}, which is not Kafka (a TLS port spoken to in plain text? try --tls)"
            ),
            FrameError::TooLarge(n) => write!(
                f,
                "the broker announced a response frame of {n} bytes, above the {} MiB limit: refused unread (a broken or hostile peer, or not Kafka)",
                MAX_FRAME / (1024 * 1024)
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
}
