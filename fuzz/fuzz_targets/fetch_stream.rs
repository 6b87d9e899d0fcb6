#![no_main]
//! Streamed Fetch responses: `evctl::kafka::fetch_stream::parse_fetch` over a `ChunkReader` fed
//! from memory (a tokio mpsc channel filled up front, on a current-thread runtime built once),
//! with the chunk boundaries chosen by the input; every complete batch it emits goes through
//! `evctl::kafka::batch::decode_batch`.
//!
//! Input: byte 0 picks the version (4..=12, what evctl negotiates), byte 1 the chunk size
//! (1..=255 bytes, 0 = one chunk), the rest is the response body after the correlation id (for
//! v12, starting with the response header's tagged fields).

use std::time::Duration;

use bytes::Bytes;
use evctl::kafka::batch::decode_batch;
use evctl::kafka::fetch_stream::{ChunkReader, FetchEvent, parse_fetch};
use libfuzzer_sys::fuzz_target;
use tokio::sync::mpsc;

thread_local! {
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime");
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 || data.len() > 1024 * 1024 {
        return;
    }
    let version = 4 + i16::from(data[0] % 9);
    let chunk = match data[1] {
        0 => usize::MAX,
        n => usize::from(n),
    };
    let body = Bytes::copy_from_slice(&data[2..]);

    RUNTIME.with(|rt| {
        rt.block_on(async move {
            // every chunk is queued before parsing starts, then the sender is dropped: the
            // reader sees the end of the response where the input ends
            let chunks = body.len().div_ceil(chunk.min(body.len()).max(1)).max(1);
            let (ctx, crx) = mpsc::channel(chunks);
            let mut at = 0;
            while at < body.len() {
                let end = at.saturating_add(chunk).min(body.len());
                if ctx.send(Ok(body.slice(at..end))).await.is_err() {
                    return;
                }
                at = end;
            }
            drop(ctx);
            let mut reader = ChunkReader::new(crx, Duration::from_secs(5), "fuzz:9092".into());
            let (tx, mut rx) = mpsc::channel(16);
            let parse = async move {
                let r = parse_fetch(&mut reader, version, &tx).await;
                drop(tx);
                r
            };
            let consume = async move {
                let mut events = 0usize;
                while let Some(event) = rx.recv().await {
                    events += 1;
                    if let FetchEvent::Batch(b) = event {
                        let _ = decode_batch(b);
                    }
                }
                events
            };
            let (_parsed, _events) = futures_join(parse, consume).await;
        });
    });
});

/// Runs two futures to completion on the current task (the parser and the event consumer must
/// make progress together: the event channel is bounded).
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let mut a = std::pin::pin!(a);
    let mut b = std::pin::pin!(b);
    let mut out_a = None;
    let mut out_b = None;
    std::future::poll_fn(|cx| {
        if out_a.is_none() {
            if let std::task::Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let std::task::Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        if out_a.is_some() && out_b.is_some() {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    match (out_a, out_b) {
        (Some(a), Some(b)) => (a, b),
        _ => unreachable!("both futures completed"),
    }
}
