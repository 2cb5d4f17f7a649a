package dev.privatelink.control.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import org.junit.jupiter.api.Test;

/** The filter-pattern language: terms, phrases, ?OR, -exclusion and space-delimited fields. */
class FilterPatternTest {
  private static final String ACCEPT = "2 111111111111 eni-0123456789abcdef0 10.0.1.10 10.0.2.20 40112 443 6 10 1200 "
      + "1700000000 1700000005 ACCEPT OK";
  private static final String REJECT = "2 111111111111 eni-0123456789abcdef0 10.0.1.10 10.0.2.20 40114 443 6 3 180 "
      + "1700000010 1700000015 REJECT OK";
  private static final String FLOW = "[version, account, eni, source, destination, srcport, destport=\"443\", protocol, "
      + "packets, bytes, windowstart, windowend, action=\"%s\", flowlogstatus]";

  private static boolean matches(String pattern, String message) {
    return FilterPattern.parse(pattern).matches(message);
  }

  @Test
  void termsAreAllRequiredCaseSensitiveAndQuotedPhrasesAreOneTerm() {
    assertTrue(matches("", "anything"));
    assertTrue(matches("ERROR timeout", "ERROR: connect timeout"));
    assertFalse(matches("ERROR timeout", "ERROR: refused"));
    assertFalse(matches("error", "ERROR"));
    assertTrue(matches("\"connect timeout\"", "ERROR: connect timeout"));
    assertFalse(matches("\"timeout connect\"", "ERROR: connect timeout"));
  }

  @Test
  void questionMarkTermsAreAlternativesAndMinusTermsExclude() {
    assertTrue(matches("?ERROR ?WARN", "WARN disk"));
    assertFalse(matches("?ERROR ?WARN", "INFO disk"));
    assertTrue(matches("ERROR -Exiting", "ERROR retrying"));
    assertFalse(matches("ERROR -Exiting", "ERROR Exiting now"));
  }

  @Test
  void spaceDelimitedPatternsNameFieldsAndCompareThem() {
    assertTrue(matches(FLOW.formatted("ACCEPT"), ACCEPT));
    assertFalse(matches(FLOW.formatted("ACCEPT"), REJECT));
    assertTrue(matches(FLOW.formatted("REJECT"), REJECT));
    assertTrue(matches("[version, account, eni, source, destination, srcport, destport=443, ...]", ACCEPT));
    assertFalse(matches("[version, account, eni, source, destination, srcport, destport=80, ...]", ACCEPT));
    assertTrue(matches("[..., packets>5, bytes, windowstart, windowend, action, status]", ACCEPT));
    assertFalse(matches("[..., packets>5, bytes, windowstart, windowend, action, status]", REJECT));
    assertTrue(matches("[v, a, eni=eni-0123*, ...]", ACCEPT));
    assertTrue(matches("[v, a, e, s, d, sp, dp!=22, ...]", ACCEPT));
    assertTrue(matches("[v, a, e, s=10.0.1.*, ...]", ACCEPT));
    assertTrue(matches("[v, a, e, s, d, sp, dp, p, packets<5 || packets>9, ...]", ACCEPT));
    assertFalse(matches("[v, a, e, s, d, sp, dp, p, packets>=4 && packets<=9, ...]", ACCEPT));
    assertFalse(matches("[one, two]", ACCEPT), "without ... the field count must match");
  }

  @Test
  void quotedAndBracketedTextIsOneField() {
    String line = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326";
    assertTrue(matches("[ip, user, username, timestamp, request = *GET*, status_code = 2*, bytes]", line));
    assertFalse(matches("[ip, user, username, timestamp, request, status_code = 4*, bytes]", line));
  }

  @Test
  void anUnreadablePatternIsInvalidParameterException() {
    AwsException e = assertThrows(AwsException.class, () -> FilterPattern.parse("[a, b=]"));
    assertEquals("InvalidParameterException", e.code());
    assertEquals(400, e.status());
    assertThrows(AwsException.class, () -> FilterPattern.parse("\"unterminated"));
  }
}
