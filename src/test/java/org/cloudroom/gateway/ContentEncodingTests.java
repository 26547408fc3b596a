package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.cloudroom.gateway.EncodingSettings.Quality;
import org.cloudroom.rfb.SetEncodings;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A seat's quality on a clock the test moves: lossless while calm, JPEG quality 2 while busy. */
class ContentEncodingTests {

	private static final int RAW = 0;
	private static final int TIGHT = 7;
	private static final int CONTINUOUS_UPDATES = -313;
	private static final int QUALITY_6 = -26;
	private static final int COMPRESSION_2 = -254;
	private static final int FINE_QUALITY_80 = -432;
	private static final int SUBSAMPLING_4X = -766;

	private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
	private final ContentEncoding seat = new ContentEncoding(new EncodingSettings("lossless", "2",
			DataSize.ofKilobytes(300), DataSize.ofKilobytes(30), Duration.ofSeconds(1)), nanos::get);

	@Test
	void aCalmSeatGetsTheBrowsersEncodingsWithoutAnyQualitySoTheDesktopSendsNoJpeg() {
		seat.browserAsked(setEncodings(TIGHT, RAW, QUALITY_6, COMPRESSION_2, FINE_QUALITY_80, SUBSAMPLING_4X,
				CONTINUOUS_UPDATES));

		assertThat(encodings(seat.setEncodings())).containsExactly(TIGHT, RAW, COMPRESSION_2, CONTINUOUS_UPDATES);
	}

	@Test
	void aBurstOfLargeUpdatesMakesTheSeatBusyWithJpegAtTheBusyQuality() {
		seat.browserAsked(setEncodings(TIGHT, RAW, QUALITY_6, COMPRESSION_2));
		for (int tenth = 0; tenth < 5; tenth++) {
			seat.received(70_000);
			nanos.addAndGet(100_000_000);
		}

		assertThat(seat.busy()).isTrue();
		assertThat(encodings(seat.setEncodings())).containsExactly(TIGHT, RAW, COMPRESSION_2, -30);
	}

	@Test
	void theSameBytesSpreadOverSecondsKeepTheSeatCalm() {
		seat.browserAsked(setEncodings(TIGHT, QUALITY_6));
		for (int tenth = 0; tenth < 50; tenth++) {
			seat.received(25_000);
			nanos.addAndGet(100_000_000);
		}

		assertThat(seat.busy()).isFalse();
	}

	@Test
	void aBusySeatTurnsCalmOnlyAfterTheScreenStayedQuietForTheSettleTime() {
		seat.browserAsked(setEncodings(TIGHT, QUALITY_6));
		seat.received(400_000);
		assertThat(seat.busy()).isTrue();

		nanos.addAndGet(500_000_000);
		seat.settle();
		assertThat(seat.busy()).as("half a second after").isTrue();
		nanos.addAndGet(600_000_000);
		seat.settle();
		assertThat(seat.busy()).as("1.1 s after").isFalse();
		assertThat(encodings(seat.setEncodings())).containsExactly(TIGHT);
	}

	@Test
	void aVideoThatStaysAboveTheCalmThresholdKeepsTheSeatBusy() {
		seat.browserAsked(setEncodings(TIGHT, QUALITY_6));
		seat.received(400_000);
		for (int tenth = 0; tenth < 50; tenth++) {
			nanos.addAndGet(100_000_000);
			seat.received(6_000);
			seat.settle();
		}

		assertThat(seat.busy()).isTrue();
	}

	@Test
	void aSeatTurnedCalmRefreshesItsWholeScreenOnceAndWhatTheRefreshBringsDoesNotTurnItBusyAgain() {
		seat.browserAsked(setEncodings(TIGHT, QUALITY_6));
		seat.received(400_000);
		assertThat(seat.refreshNow()).as("busy: nothing to refresh yet").isFalse();
		nanos.addAndGet(1_100_000_000);
		seat.settle();

		assertThat(seat.refreshNow()).as("calm: the whole screen once").isTrue();
		assertThat(seat.refreshNow()).as("only once").isFalse();
		seat.received(400_000);
		nanos.addAndGet(100_000_000);
		seat.received(400_000);
		assertThat(seat.busy()).as("the refresh, a whole screen in a second").isFalse();

		nanos.addAndGet(300_000_000);
		seat.received(400_000);
		assertThat(seat.busy()).as("after a pause: the screen is busy again").isTrue();
	}

	@Test
	void aRefreshThatNeverCameStopsBeingWaitedForAfterFiveSeconds() {
		seat.browserAsked(setEncodings(TIGHT));
		seat.received(400_000);
		nanos.addAndGet(1_100_000_000);
		seat.settle();
		assertThat(seat.refreshNow()).isTrue();

		nanos.addAndGet(5_100_000_000L);
		seat.received(400_000);

		assertThat(seat.busy()).isTrue();
	}

	@Test
	void aChangeOfStateIsOwedToTheDesktopOnlyOnceTheBrowserSentItsEncodings() throws Exception {
		var changes = new ArrayList<Boolean>();
		seat.received(400_000);
		seat.end();
		assertThat(seat.awaitChange()).isFalse();

		var asked = new ContentEncoding(new EncodingSettings("lossless", "2", DataSize.ofKilobytes(300),
				DataSize.ofKilobytes(30), Duration.ofSeconds(1)), nanos::get);
		asked.browserAsked(setEncodings(TIGHT));
		asked.received(400_000);
		changes.add(asked.awaitChange());
		asked.setEncodings();
		asked.end();
		changes.add(asked.awaitChange());
		assertThat(changes).containsExactly(true, false);
	}

	@Test
	void asSentLeavesTheBrowsersListAloneAndAStaticQualityReplacesItsOwn() {
		var list = setEncodings(TIGHT, QUALITY_6, COMPRESSION_2);

		assertThat(encodings(ContentEncoding.withQuality(list, Quality.AS_SENT))).containsExactly(TIGHT, QUALITY_6,
				COMPRESSION_2);
		assertThat(encodings(ContentEncoding.withQuality(list, Quality.of("3")))).containsExactly(TIGHT,
				COMPRESSION_2, -29);
		assertThat(new EncodingSettings("3", "3", DataSize.ofKilobytes(300), DataSize.ofKilobytes(30),
				Duration.ofSeconds(1)).adaptive()).isFalse();
		assertThatThrownBy(() -> Quality.of("10")).isInstanceOf(IllegalArgumentException.class);
	}

	static SetEncodings setEncodings(int... encodings) {
		return SetEncodings.of(encodings);
	}

	static List<Integer> encodings(SetEncodings setEncodings) {
		var message = setEncodings.message();
		assertThat(message.get(0)).isEqualTo((byte) 2);
		int count = Short.toUnsignedInt(message.getShort(2));
		assertThat(message.remaining()).isEqualTo(4 + 4 * count);
		var list = new ArrayList<Integer>();
		for (int i = 0; i < count; i++) {
			list.add(message.getInt(4 + 4 * i));
		}
		return list;
	}
}
