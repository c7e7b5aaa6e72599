package io.tradeshell.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertThat(Html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    }

    @Test
    void plainTextAndNullPassThrough() {
        assertThat(Html.escape("SMA 10/30")).isEqualTo("SMA 10/30");
        assertThat(Html.escape(null)).isEmpty();
    }
}
