//! The test server the API tests share: a real `chorus serve` on a free loopback port.

use chorus_server::Config;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A server on a free loopback port; dropping it shuts the server down.
pub struct Server {
    pub addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    pub async fn start(config: Config) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
        let addr = listener.local_addr().expect("address");
        let (stop, stopped) = oneshot::channel::<()>();
        let done = tokio::spawn(chorus_server::serve(listener, config, async {
            let _ = stopped.await;
        }));
        Server { addr, stop: Some(stop), done: Some(done) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Asks for a graceful shutdown and waits until the server has stopped.
    pub async fn shut_down(mut self) {
        let _ = self.stop.take().expect("running").send(());
        self.done.take().expect("running").await.expect("server task").expect("server ends cleanly");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
