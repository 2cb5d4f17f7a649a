package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.util.process.ProcessIdentity;
import dev.privatelink.util.process.ProcessIdentity.StartUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code down} and {@code status} find a server through its record: only the very process that wrote it counts. */
class ServerInfoTest {
  @TempDir Path dataDir;

  @Test
  void theRecordingProcessIsFound() throws Exception {
    ServerInfo self = ServerInfo.current("http://127.0.0.1:4566");
    self.write(dataDir);
    assertEquals(Optional.of(self), ServerInfo.read(dataDir));
    assertEquals(Optional.of(ProcessHandle.current()), self.process());
  }

  @Test
  void aReusedPidIsNotTheServer() throws Exception {
    ServerInfo self = ServerInfo.current("http://127.0.0.1:4566");
    ProcessIdentity me = self.identity();
    new ServerInfo(new ProcessIdentity(me.pid(), me.start() + 1, me.unit()), self.endpoint()).write(dataDir);
    assertTrue(ServerInfo.read(dataDir).isEmpty(), "same pid, another start time: not ours to signal");
  }

  @Test
  void aRecordWithoutAStartTimeNamesNoProcess() throws Exception {
    // Written before start times were recorded: the pid alone cannot be trusted.
    Files.writeString(ServerInfo.file(dataDir), "{\"pid\":" + ProcessHandle.current().pid() + ",\"endpoint\":\"http://x\"}");
    assertTrue(ServerInfo.read(dataDir).isEmpty());
  }

  @Test
  void aRecordOfAnOlderVersionIsStillRead() throws Exception {
    // Before start ticks, the start was the JDK's epoch millis: a server started by an older
    // version is still found (and stopped) by this one.
    ProcessHandle me = ProcessHandle.current();
    long millis = me.info().startInstant().orElseThrow().toEpochMilli();
    Files.writeString(ServerInfo.file(dataDir), "{\"pid\":" + me.pid() + ",\"startMillis\":" + millis + ",\"endpoint\":\"http://x\"}");
    assertEquals(Optional.of(me), ServerInfo.read(dataDir).orElseThrow().process());
  }

  @Test
  void theRecordIsJsonThatOtherToolsRead() throws Exception {
    ServerInfo self = ServerInfo.current("http://127.0.0.1:4566");
    self.write(dataDir);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ServerInfo.file(dataDir).toFile());
    assertEquals(self.pid(), json.get("pid").asLong());
    assertEquals(self.identity().start(), json.get("startTicks").asLong());
    assertEquals("http://127.0.0.1:4566", json.get("endpoint").asText());
  }

  @Test
  void aRecordInAnyMemberOrderAndSpacingIsRead() {
    assertEquals(Optional.of(new ServerInfo(new ProcessIdentity(12, 34, StartUnit.BOOT_TICKS), "http://[::1]:4566")),
        ServerInfo.parse("{ \"endpoint\" : \"http://[::1]:4566\",\n  \"startTicks\": 34, \"pid\" :12 }"));
    assertTrue(ServerInfo.parse("{\"pid\":12,\"startMillis\":34}").isEmpty(), "no endpoint");
    assertTrue(ServerInfo.parse("not json").isEmpty());
  }
}
