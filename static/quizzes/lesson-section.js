// The quiz editor: a question's section is picked in a menu of the headings of the lesson chosen
// just above it (quizzes/widgets.py). The text input keeps the stored value, the heading's anchor;
// the menu stands in its place. Without this script, or if the headings cannot be read, the
// input stays and the anchor is typed: the server checks it against the lesson either way.
(function () {
  "use strict";

  class LessonSectionController extends window.StimulusModule.Controller {
    static values = { url: String, lessonField: String, labels: Object };

    connect() {
      // The lesson chooser beside it: "questions-0-value-anchor" → "questions-0-value-lesson".
      this.lesson = document.getElementById(
        this.element.id.replace(/[^-]+$/, this.lessonFieldValue)
      );
      if (!this.lesson) return;
      this.menu = document.createElement("select");
      this.menu.id = this.element.id + "-menu";
      this.menu.className = this.element.className;
      this.menu.addEventListener("change", () => this.store(this.menu.value));
      const label = document.querySelector('label[for="' + this.element.id + '"]');
      if (label) label.htmlFor = this.menu.id;
      this.element.after(this.menu);
      this.element.hidden = true;
      this.onLessonChange = () => this.load(true);
      this.lesson.addEventListener("change", this.onLessonChange);
      this.load(false);
    }

    disconnect() {
      if (this.lesson) this.lesson.removeEventListener("change", this.onLessonChange);
      this.fallBack();
    }

    // Back to the typed anchor.
    fallBack() {
      if (!this.menu) return;
      const label = document.querySelector('label[for="' + this.menu.id + '"]');
      if (label) label.htmlFor = this.element.id;
      this.menu.remove();
      this.menu = null;
      this.element.hidden = false;
    }

    store(anchor) {
      if (this.element.value === anchor) return;
      this.element.value = anchor;
      this.element.dispatchEvent(new Event("change", { bubbles: true }));
    }

    option(value, text) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = text;
      return option;
    }

    async load(lessonChanged) {
      const lessonId = this.lesson.value;
      const labels = this.labelsValue;
      if (!lessonId) {
        // No lesson, no section.
        this.menu.replaceChildren(this.option("", labels.noLesson));
        this.menu.disabled = true;
        if (lessonChanged) this.store("");
        return;
      }
      this.menu.replaceChildren(this.option(this.element.value, labels.loading));
      this.menu.disabled = true;
      let sections;
      try {
        const response = await fetch(
          this.urlValue + "?" + new URLSearchParams({ lecon: lessonId }),
          { headers: { Accept: "application/json" } }
        );
        if (!response.ok) throw new Error(response.status);
        sections = (await response.json()).sections;
      } catch (error) {
        this.fallBack();
        return;
      }
      if (!this.menu || lessonId !== this.lesson.value) return; // gone, or another lesson since
      let anchor = this.element.value;
      const known = sections.some((section) => section.anchor === anchor);
      // Another lesson: its own sections, not the former lesson's. A stored anchor that is not a
      // heading stays visible (and refused at saving) rather than silently dropped.
      if (lessonChanged && !known) anchor = "";
      const options = [this.option("", labels.whole)];
      if (anchor && !known) options.push(this.option(anchor, labels.unknown.replace("%s", anchor)));
      sections.forEach((section) => options.push(this.option(section.anchor, section.text)));
      this.menu.replaceChildren(...options);
      this.menu.value = anchor;
      this.menu.disabled = false;
      this.store(anchor);
    }
  }

  window.wagtail.app.register("lesson-section", LessonSectionController);
})();
