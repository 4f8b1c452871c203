import java.io.File;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local bound to 127.0.0.1 only. The jar's own main listens on every interface and has no
 * option to bind one: this builds the server from the same command line, sets the host of its Jetty
 * connector before it opens, and starts it.
 *
 * With -Dredress.lock=FILE it first takes an exclusive OS lock on FILE (released by the kernel when
 * the JVM dies), waiting a few seconds for a previous JVM on the same database to finish dying.
 */
public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String lockPath = System.getProperty("redress.lock");
    if (lockPath != null) holdLock(new File(lockPath));
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector c : server.getConnectors()) ((ServerConnector) c).setHost("127.0.0.1");
    proxy.start();
  }

  private static FileLock lock;

  private static void holdLock(File file) throws Exception {
    FileChannel channel = new RandomAccessFile(file, "rw").getChannel();
    long until = System.currentTimeMillis() + 10_000;
    while ((lock = channel.tryLock()) == null) {
      if (System.currentTimeMillis() > until) {
        System.err.println("the database " + file.getParent() + " is in use by another DynamoDB Local");
        System.exit(3);
      }
      Thread.sleep(100);
    }
  }
}
