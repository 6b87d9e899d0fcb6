#![no_main]
//! The SCRAM client (SASL SCRAM-SHA-256/512 with Kafka): `evctl::kafka::sasl::ScramClient`
//! with a fixed nonce, `client_final(server_first)` on the server's first message and
//! `ScramClient::verify_server_final` on its final one.
//!
//! Input: byte 0 picks the mechanism (bit 0: SHA-512), then the server-first message up to the
//! first `0x00`, then the server-final message.
//!
//! The client accepts any iteration count from 4096 up to u32::MAX and runs PBKDF2 that many
//! times (a hostile broker can stall it for hours: reported separately); messages asking for
//! more than 5000 are skipped here so the fuzzer is not stalled by it.

use evctl::kafka::sasl::{Mechanism, ScramClient};
use libfuzzer_sys::fuzz_target;

const NONCE: &str = "fixednonce";

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    if rest.len() > 16 * 1024 {
        return;
    }
    let mechanism = if choice & 1 == 1 {
        Mechanism::ScramSha512
    } else {
        Mechanism::ScramSha256
    };
    let (server_first, server_final) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    // the client reads the first `i=` attribute; keep the PBKDF2 work bounded
    if let Ok(text) = std::str::from_utf8(server_first) {
        let iterations = text
            .split(',')
            .find_map(|kv| kv.strip_prefix("i="))
            .and_then(|i| i.parse::<u32>().ok());
        if iterations.is_some_and(|n| n > 5000) {
            return;
        }
    }
    let client = ScramClient::with_nonce(mechanism, "user", "pencil", NONCE);
    let first = client.client_first();
    assert!(first.starts_with(b"n,,n=user,r=fixednonce"));
    let Ok(fin) = client.client_final(server_first) else {
        return;
    };
    // the final message carries the server's nonce, which extends ours, and a proof
    let message = String::from_utf8(fin.message.clone()).expect("client-final is text");
    assert!(message.starts_with("c=biws,r=fixednonce"), "{message}");
    assert!(message.contains(",p="), "{message}");
    let _ = ScramClient::verify_server_final(&fin, server_final);
});
