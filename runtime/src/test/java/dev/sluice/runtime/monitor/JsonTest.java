package dev.sluice.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesAndReadsBackEveryKindOfValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "say \"hi\"\n\t<b>\\");
    value.put("whole", 1_764_032_400_000L);
    value.put("decimal", 1.5);
    value.put("flag", true);
    value.put("nothing", null);
    value.put("list", List.of(1L, "two", List.of()));
    value.put("empty", Map.of());
    String json = Json.write(value);
    assertEquals(
        "{\"text\":\"say \\\"hi\\\"\\n\\t\\u003cb\\u003e\\\\\",\"whole\":1764032400000,"
            + "\"decimal\":1.500,\"flag\":true,\"nothing\":null,\"list\":[1,\"two\",[]],\"empty\":{}}",
        json);
    assertEquals(value, Json.parse(json));
  }

  @Test
  void writesNoNumberForNaN() {
    assertEquals("[null]", Json.write(Arrays.asList(Double.NaN)));
  }

  @Test
  void rejectsWhatIsNotOneValue() {
    assertEquals(
        "bad JSON at 3: text after the value",
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,"));
  }
}
