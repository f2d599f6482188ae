package dev.mediagen.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.arena.TestArena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The arena in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code .ci/run}) signs up, consents, generates, votes left, tie and right, and the votes are
 * in the database; a prompt with markup is shown as text. Skipped when Chromium is not installed.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;

  @Test
  void signUpConsentGenerateAndVoteInChromium() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "browser test skipped: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900",
        "--user-data-dir=" + dir.resolve("profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    try (TestArena arena = new TestArena(dir, TestArena.noControls())) {
      WebDriver driver = new ChromeDriver(service, options);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(arena.url + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("auth")));
        driver.findElement(By.id("username")).sendKeys("browser-user");
        driver.findElement(By.id("password")).sendKeys("a long enough password");
        driver.findElement(By.id("signup")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt")));

        String prompt = "a large red circle <b>bold</b> on a navy background";
        driver.findElement(By.id("prompt")).sendKeys(prompt);
        driver.findElement(By.id("generate")).click();
        // the pair arrives over SSE; the prompt's markup is shown as text, not parsed
        wait.until(d -> prompt.equals(d.findElement(By.id("shown-prompt")).getDomProperty("textContent")));
        WebElement left = wait.until(ExpectedConditions.elementToBeClickable(By.id("vote-left")));
        assertThat(driver.findElements(By.cssSelector("#shown-prompt b"))).isEmpty();

        // 4 images per job: three rounds — left, tie, right
        String[][] rounds = {{"vote-left", "left"}, {"tie", "tie"}, {"vote-right", "right"}};
        String last = "";
        for (String[] r : rounds) {
          WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id(r[0])));
          button.click();
          String before = last;
          wait.until(d -> {
            String v = d.findElement(By.tagName("body")).getDomAttribute("data-last-vote");
            return v != null && !v.equals(before) && v.startsWith(r[1] + "#");
          });
          last = driver.findElement(By.tagName("body")).getDomAttribute("data-last-vote");
        }
        assertThat(left).isNotNull();
      } finally {
        driver.quit();
      }
      List<Map<String, Object>> rows = arena.db.read(h -> h.createQuery(
          "SELECT r.best_image_uid, p.image_0_uid, p.image_1_uid, r.prompt FROM rankings r JOIN pairs p ON p.pair_id = r.pair_id"
              + " JOIN users u ON u.user_id = r.user_id WHERE u.username = 'browser-user' ORDER BY r.ranking_id").mapToMap().list());
      assertThat(rows).hasSize(3);
      assertThat(rows).allMatch(r -> r.get("prompt").equals("a large red circle <b>bold</b> on a navy background"));
      assertThat(rows.get(0).get("best_image_uid")).isIn(rows.get(0).get("image_0_uid"), rows.get(0).get("image_1_uid"));
      assertThat(rows.get(1).get("best_image_uid")).isEqualTo("none");
      assertThat(rows.get(2).get("best_image_uid")).isIn(rows.get(2).get("image_0_uid"), rows.get(2).get("image_1_uid"));
    }
  }
}
