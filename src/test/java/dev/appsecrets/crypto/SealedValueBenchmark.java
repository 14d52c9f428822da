package dev.appsecrets.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What sealing and opening one value costs, and opening the 50 values of an app's list.
 * Run as {@code docs/performance.md} says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SealedValueBenchmark {

	@Param({ "64", "4096" })
	public int valueBytes;

	private final UUID dataKeyId = UUID.randomUUID();

	private final SecretKey dataKey = Aead.newKey();

	private final UUID appId = UUID.randomUUID();

	private final UUID[] secretIds = new UUID[50];

	private final byte[][] sealed = new byte[50][];

	private byte[] plaintext;

	@Setup
	public void setUp() {
		this.plaintext = "x".repeat(this.valueBytes).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < this.secretIds.length; i++) {
			this.secretIds[i] = UUID.randomUUID();
			this.sealed[i] = SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretIds[i],
					this.plaintext);
		}
	}

	@Benchmark
	public byte[] sealOne() {
		return SealedValue.seal(this.dataKeyId, this.dataKey, this.appId, this.secretIds[0], this.plaintext);
	}

	@Benchmark
	public byte[] openOne() {
		return SealedValue.open(this.sealed[0], this.dataKey, this.appId, this.secretIds[0]);
	}

	@Benchmark
	public int openFifty() {
		int total = 0;
		for (int i = 0; i < this.sealed.length; i++) {
			total += SealedValue.open(this.sealed[i], this.dataKey, this.appId, this.secretIds[i]).length;
		}
		return total;
	}

}
