//! TLS through rustls for every system evctl talks to (Kafka brokers, the schema registry): a CA
//! bundle (or the system roots), an optional client certificate, SNI, and verification on unless
//! explicitly disabled.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use tokio_rustls::TlsConnector;

/// TLS settings that cannot work: a file that cannot be read, a key that does not fit its
/// certificate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TlsError(pub String);

/// TLS settings of a connection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsOptions {
    /// PEM file with the CA certificates to trust; the system roots when absent.
    pub ca_file: Option<PathBuf>,
    /// PEM client certificate chain, for mutual TLS.
    pub cert_file: Option<PathBuf>,
    /// PEM private key of the client certificate.
    pub key_file: Option<PathBuf>,
    /// Name to send as SNI and to verify the certificate against; the broker's host by default.
    pub server_name: Option<String>,
    /// Accept any certificate. Only for throwaway test clusters.
    pub insecure_skip_verify: bool,
}

/// The one crypto provider (ring) of every TLS connection evctl makes.
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn read_certs(path: &Path, what: &str) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs: Vec<_> = CertificateDer::pem_file_iter(path)
        .and_then(|it| it.collect::<Result<Vec<_>, _>>())
        .map_err(|e| TlsError(format!("cannot read {what} {}: {e}", path.display())))?;
    if certs.is_empty() {
        return Err(TlsError(format!(
            "{what} {} holds no PEM certificate",
            path.display()
        )));
    }
    Ok(certs)
}

/// Builds the rustls client configuration for these options.
pub fn client_config(opts: &TlsOptions) -> Result<ClientConfig, TlsError> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsError(format!("TLS set-up: {e}")))?;
    let builder = if opts.insecure_skip_verify {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerification(
                provider().signature_verification_algorithms,
            )))
    } else {
        let mut roots = RootCertStore::empty();
        match &opts.ca_file {
            Some(path) => {
                for cert in read_certs(path, "CA file")? {
                    roots
                        .add(cert)
                        .map_err(|e| TlsError(format!("CA file {}: {e}", path.display())))?;
                }
            }
            None => {
                let found = rustls_native_certs::load_native_certs();
                roots.add_parsable_certificates(found.certs);
                if roots.is_empty() {
                    return Err(TlsError(
                        "no system CA certificates found; pass --tls-ca with the CA that signed the broker certificate".into(),
                    ));
                }
            }
        }
        builder.with_root_certificates(roots)
    };
    match (&opts.cert_file, &opts.key_file) {
        (Some(cert), Some(key)) => {
            let chain = read_certs(cert, "client certificate")?;
            let key = PrivateKeyDer::from_pem_file(key)
                .map_err(|e| TlsError(format!("cannot read client key {}: {e}", key.display())))?;
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| TlsError(format!("client certificate and key do not fit: {e}")))
        }
        (None, None) => Ok(builder.with_no_client_auth()),
        _ => Err(TlsError(
            "a client certificate needs both --tls-cert and --tls-key".into(),
        )),
    }
}

/// A connector for these options.
pub fn connector(opts: &TlsOptions) -> Result<TlsConnector, TlsError> {
    Ok(TlsConnector::from(Arc::new(client_config(opts)?)))
}

/// The name to verify: the configured server name, else the host of `host:port`.
pub fn server_name(opts: &TlsOptions, host: &str) -> Result<ServerName<'static>, TlsError> {
    let name = opts.server_name.as_deref().unwrap_or(host);
    let name = name.trim_start_matches('[').trim_end_matches(']');
    ServerName::try_from(name.to_string())
        .map_err(|e| TlsError(format!("invalid TLS server name {name:?}: {e}")))
}

/// Accepts any certificate but still checks the handshake signatures. Used only with --tls-insecure.
#[derive(Debug)]
struct NoVerification(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for NoVerification {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// True when an I/O error comes from rustls (a TLS alert or a TLS protocol error).
pub fn is_tls_error(err: &std::io::Error) -> bool {
    err.get_ref().is_some_and(|e| e.is::<rustls::Error>())
}

/// Turns a handshake error into a short reason ("certificate not trusted (UnknownIssuer)", ...).
pub fn describe_handshake_error(err: &std::io::Error) -> String {
    let inner = err
        .get_ref()
        .and_then(|e| e.downcast_ref::<rustls::Error>());
    match inner {
        Some(rustls::Error::InvalidCertificate(c)) => {
            match c {
                rustls::CertificateError::UnknownIssuer => "certificate not trusted: unknown issuer".to_string(),
                rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. } => {
                    "certificate is not valid for this host name (see --tls-server-name)".to_string()
                }
                rustls::CertificateError::Expired | rustls::CertificateError::ExpiredContext { .. } => {
                    "certificate expired".to_string()
                }
                other => format!("invalid certificate: {other:?}"),
            }
        }
        Some(rustls::Error::AlertReceived(rustls::AlertDescription::CertificateRequired)) => {
            "the broker requires a client certificate (--tls-cert and --tls-key)".to_string()
        }
        Some(rustls::Error::AlertReceived(
            rustls::AlertDescription::BadCertificate
            | rustls::AlertDescription::UnknownCA
            | rustls::AlertDescription::CertificateUnknown,
        )) => "the broker rejected the client certificate".to_string(),
        Some(rustls::Error::InvalidMessage(m)) => {
            format!("the peer does not speak TLS ({m:?}); is this a plaintext listener?")
        }
        Some(other) => other.to_string(),
        None if err.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the peer closed the connection during the handshake (it may require a client certificate, or not speak TLS)".to_string()
        }
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_name_defaults_to_host_and_accepts_ips() {
        let opts = TlsOptions::default();
        assert_eq!(
            server_name(&opts, "broker-1.internal").unwrap().to_str(),
            "broker-1.internal"
        );
        assert!(matches!(
            server_name(&opts, "127.0.0.1").unwrap(),
            ServerName::IpAddress(_)
        ));
        assert!(matches!(
            server_name(&opts, "[::1]").unwrap(),
            ServerName::IpAddress(_)
        ));
        let opts = TlsOptions {
            server_name: Some("kafka.example".into()),
            ..Default::default()
        };
        assert_eq!(
            server_name(&opts, "127.0.0.1").unwrap().to_str(),
            "kafka.example"
        );
    }

    #[test]
    fn missing_ca_file_is_a_config_error() {
        let opts = TlsOptions {
            ca_file: Some("/nonexistent/ca.pem".into()),
            ..Default::default()
        };
        let err = client_config(&opts).unwrap_err().to_string();
        assert!(
            err.contains("cannot read CA file /nonexistent/ca.pem"),
            "{err}"
        );
    }

    #[test]
    fn cert_without_key_is_rejected() {
        let opts = TlsOptions {
            cert_file: Some("c.pem".into()),
            insecure_skip_verify: true,
            ..Default::default()
        };
        let err = client_config(&opts).unwrap_err().to_string();
        assert!(err.contains("both --tls-cert and --tls-key"), "{err}");
    }
}
