// Waits until something accepts connections on 127.0.0.1:<port> (at most two minutes), so a
// server that needs it starts only once it is there.
import { connect } from "node:net";

const port = Number(process.argv[2]);
const until = Date.now() + 120_000;
function attempt() {
  const socket = connect(port, "127.0.0.1");
  socket.once("connect", () => {
    socket.end();
    process.exit(0);
  });
  socket.once("error", () => {
    if (Date.now() > until) process.exit(1);
    setTimeout(attempt, 250);
  });
}
attempt();
