//! SASL client exchanges: PLAIN (RFC 4616) and SCRAM-SHA-256/512 (RFC 5802, RFC 7677).
//! The cryptography is RustCrypto's (hmac, sha2, pbkdf2); this file only builds and checks the messages.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256, Sha512};

/// A SASL mechanism evctl speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mechanism {
    #[serde(rename = "PLAIN")]
    Plain,
    #[serde(rename = "SCRAM-SHA-256")]
    ScramSha256,
    #[serde(rename = "SCRAM-SHA-512")]
    ScramSha512,
}

impl Mechanism {
    /// The name sent in SaslHandshake.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::ScramSha256 => "SCRAM-SHA-256",
            Mechanism::ScramSha512 => "SCRAM-SHA-512",
        }
    }

    /// Parses a mechanism name, case-insensitively.
    pub fn parse(s: &str) -> Option<Mechanism> {
        match s.to_ascii_uppercase().as_str() {
            "PLAIN" => Some(Mechanism::Plain),
            "SCRAM-SHA-256" => Some(Mechanism::ScramSha256),
            "SCRAM-SHA-512" => Some(Mechanism::ScramSha512),
            _ => None,
        }
    }
}

impl std::fmt::Display for Mechanism {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The PLAIN message: authzid (empty), username and password separated by NUL.
pub fn plain_message(username: &str, password: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + username.len() + password.len());
    out.push(0);
    out.extend_from_slice(username.as_bytes());
    out.push(0);
    out.extend_from_slice(password.as_bytes());
    out
}

#[derive(Debug, Clone, Copy)]
enum Algo {
    Sha256,
    Sha512,
}

impl Algo {
    fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        match self {
            Algo::Sha256 => {
                let mut m =
                    <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
            Algo::Sha512 => {
                let mut m =
                    <Hmac<Sha512> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
        }
    }

    fn hash(self, data: &[u8]) -> Vec<u8> {
        match self {
            Algo::Sha256 => Sha256::digest(data).to_vec(),
            Algo::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn salted_password(self, password: &[u8], salt: &[u8], iterations: u32) -> Vec<u8> {
        match self {
            Algo::Sha256 => {
                pbkdf2::pbkdf2_hmac_array::<Sha256, 32>(password, salt, iterations).to_vec()
            }
            Algo::Sha512 => {
                pbkdf2::pbkdf2_hmac_array::<Sha512, 64>(password, salt, iterations).to_vec()
            }
        }
    }
}

/// Errors of a SCRAM exchange; the text goes straight into "authentication failed: ...".
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ScramError {
    #[error("malformed server message: {0}")]
    Malformed(String),
    #[error("the server nonce does not extend the client nonce")]
    NonceMismatch,
    #[error("the server rejected the credentials: {0}")]
    Rejected(String),
    #[error(
        "the server's signature does not match: it does not know the password (possible impostor)"
    )]
    BadServerSignature,
    #[error("{0} iterations is too few (at least 4096 required)")]
    TooFewIterations(u32),
    #[error(
        "{0} iterations is too many (Kafka allows at most 16384): refused rather than hashing for that long"
    )]
    TooManyIterations(u32),
}

/// Kafka's own bound on a SCRAM credential's iterations (`kafka-configs` refuses more); a server
/// asking for more is broken or hostile, and would make the client hash for hours.
pub const MAX_ITERATIONS: u32 = 16384;

/// The keys the server signature is checked against.
#[derive(Debug)]
pub struct ScramFinal {
    /// The client-final message to send.
    pub message: Vec<u8>,
    server_signature: Vec<u8>,
}

/// The client side of one SCRAM exchange.
#[derive(Debug)]
pub struct ScramClient {
    algo: Algo,
    username: String,
    password: String,
    nonce: String,
}

/// Escapes a SCRAM username: `=` and `,` are reserved (RFC 5802 §5.1).
fn escape_username(u: &str) -> String {
    u.replace('=', "=3D").replace(',', "=2C")
}

impl ScramClient {
    /// A new exchange with a fresh random nonce.
    pub fn new(mechanism: Mechanism, username: &str, password: &str) -> Result<Self, String> {
        let mut raw = [0u8; 24];
        getrandom::fill(&mut raw).map_err(|e| format!("no randomness for the SCRAM nonce: {e}"))?;
        Ok(Self::with_nonce(
            mechanism,
            username,
            password,
            &B64.encode(raw),
        ))
    }

    /// A new exchange with a given nonce (tests use the RFC's vectors).
    pub fn with_nonce(mechanism: Mechanism, username: &str, password: &str, nonce: &str) -> Self {
        let algo = match mechanism {
            Mechanism::ScramSha512 => Algo::Sha512,
            _ => Algo::Sha256,
        };
        ScramClient {
            algo,
            username: username.to_string(),
            password: password.to_string(),
            nonce: nonce.to_string(),
        }
    }

    fn client_first_bare(&self) -> String {
        format!("n={},r={}", escape_username(&self.username), self.nonce)
    }

    /// The client-first message: GS2 header (no channel binding) and the bare part.
    pub fn client_first(&self) -> Vec<u8> {
        format!("n,,{}", self.client_first_bare()).into_bytes()
    }

    /// Takes the server-first message and computes the client-final one.
    pub fn client_final(&self, server_first: &[u8]) -> Result<ScramFinal, ScramError> {
        let server_first = std::str::from_utf8(server_first)
            .map_err(|_| ScramError::Malformed("not UTF-8".into()))?;
        let attr = |name: char| -> Option<&str> {
            server_first
                .split(',')
                .find_map(|kv| kv.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
        };
        if let Some(e) = attr('e') {
            return Err(ScramError::Rejected(e.to_string()));
        }
        let nonce = attr('r')
            .ok_or_else(|| ScramError::Malformed(format!("no nonce in {server_first:?}")))?;
        if !nonce.starts_with(&self.nonce) || nonce.len() == self.nonce.len() {
            return Err(ScramError::NonceMismatch);
        }
        let salt = attr('s')
            .and_then(|s| B64.decode(s).ok())
            .ok_or_else(|| ScramError::Malformed("missing or invalid salt".into()))?;
        let iterations: u32 = attr('i')
            .and_then(|i| i.parse().ok())
            .ok_or_else(|| ScramError::Malformed("missing or invalid iteration count".into()))?;
        if iterations < 4096 {
            return Err(ScramError::TooFewIterations(iterations));
        }
        if iterations > MAX_ITERATIONS {
            return Err(ScramError::TooManyIterations(iterations));
        }
        let salted = self
            .algo
            .salted_password(self.password.as_bytes(), &salt, iterations);
        let client_key = self.algo.hmac(&salted, b"Client Key");
        let stored_key = self.algo.hash(&client_key);
        let without_proof = format!("c=biws,r={nonce}");
        let auth_message = format!(
            "{},{},{}",
            self.client_first_bare(),
            server_first,
            without_proof
        );
        let client_signature = self.algo.hmac(&stored_key, auth_message.as_bytes());
        let proof: Vec<u8> = client_key
            .iter()
            .zip(&client_signature)
            .map(|(a, b)| a ^ b)
            .collect();
        let server_key = self.algo.hmac(&salted, b"Server Key");
        let server_signature = self.algo.hmac(&server_key, auth_message.as_bytes());
        Ok(ScramFinal {
            message: format!("{without_proof},p={}", B64.encode(proof)).into_bytes(),
            server_signature,
        })
    }

    /// Checks the server-final message: the server proves it knows the password too.
    pub fn verify_server_final(fin: &ScramFinal, server_final: &[u8]) -> Result<(), ScramError> {
        let s = std::str::from_utf8(server_final)
            .map_err(|_| ScramError::Malformed("not UTF-8".into()))?;
        if let Some(e) = s.strip_prefix("e=") {
            return Err(ScramError::Rejected(e.to_string()));
        }
        let v = s
            .split(',')
            .find_map(|kv| kv.strip_prefix("v="))
            .ok_or_else(|| ScramError::Malformed(format!("no verifier in {s:?}")))?;
        let v = B64
            .decode(v)
            .map_err(|_| ScramError::Malformed("verifier is not base64".into()))?;
        // compare without an early exit, so timing does not leak how much matched
        if v.len() == fin.server_signature.len()
            && v.iter()
                .zip(&fin.server_signature)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
        {
            Ok(())
        } else {
            Err(ScramError::BadServerSignature)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 7677 §3 test vector for SCRAM-SHA-256.
    #[test]
    fn rfc7677_sha256_vector() {
        let c = ScramClient::with_nonce(
            Mechanism::ScramSha256,
            "user",
            "pencil",
            "rOprNGfwEbeRWgbNEkqO",
        );
        assert_eq!(c.client_first(), b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        let server_first = b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        let fin = c.client_final(server_first).unwrap();
        assert_eq!(
            String::from_utf8(fin.message.clone()).unwrap(),
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
        ScramClient::verify_server_final(&fin, b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
            .unwrap();
        assert_eq!(
            ScramClient::verify_server_final(
                &fin,
                b"v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
            ),
            Err(ScramError::BadServerSignature)
        );
        assert_eq!(
            ScramClient::verify_server_final(&fin, b"e=invalid-proof"),
            Err(ScramError::Rejected("invalid-proof".into()))
        );
    }

    #[test]
    fn sha512_produces_64_byte_proof() {
        let c = ScramClient::with_nonce(Mechanism::ScramSha512, "u,=x", "p", "abc");
        assert_eq!(c.client_first(), b"n,,n=u=2C=3Dx,r=abc");
        let fin = c.client_final(b"r=abcdef,s=c2FsdA==,i=4096").unwrap();
        let msg = String::from_utf8(fin.message).unwrap();
        let proof = msg.split(",p=").nth(1).unwrap();
        assert_eq!(B64.decode(proof).unwrap().len(), 64);
    }

    #[test]
    fn rejects_bad_server_first() {
        let c = ScramClient::with_nonce(Mechanism::ScramSha256, "u", "p", "abc");
        assert_eq!(
            c.client_final(b"r=xyz,s=c2FsdA==,i=4096").unwrap_err(),
            ScramError::NonceMismatch
        );
        assert_eq!(
            c.client_final(b"r=abc,s=c2FsdA==,i=4096").unwrap_err(),
            ScramError::NonceMismatch
        );
        assert_eq!(
            c.client_final(b"r=abcd,s=c2FsdA==,i=10").unwrap_err(),
            ScramError::TooFewIterations(10)
        );
        // a hostile server asking for hours of hashing
        assert_eq!(
            c.client_final(b"r=abcd,s=c2FsdA==,i=4294967295")
                .unwrap_err(),
            ScramError::TooManyIterations(4294967295)
        );
        assert!(c.client_final(b"r=abcd,s=c2FsdA==,i=16384").is_ok());
        assert!(matches!(
            c.client_final(b"r=abcd,i=4096").unwrap_err(),
            ScramError::Malformed(_)
        ));
        assert_eq!(
            c.client_final(b"e=unknown-user").unwrap_err(),
            ScramError::Rejected("unknown-user".into())
        );
    }

    #[test]
    fn plain_layout_and_names() {
        assert_eq!(plain_message("alice", "s3cret"), b"\0alice\0s3cret");
        assert_eq!(
            Mechanism::parse("scram-sha-512"),
            Some(Mechanism::ScramSha512)
        );
        assert_eq!(Mechanism::parse("GSSAPI"), None);
        assert_eq!(Mechanism::ScramSha256.to_string(), "SCRAM-SHA-256");
    }
}
