// The step's countdown, ticking in the browser (issue 22).
//
// The server sends the time left when it read the meeting (`resterend`, seconds; negative once
// over time), whether the clock runs, and a number that changes with every snapshot. The tab
// counts down from the moment that snapshot arrived. A server timer per page sent every phone a
// message each second: 200 callbacks and messages a second in a room of 200, for a number the
// phone can count itself. The words match `klok.tekst` on the server (mmss, "over tijd", "(pauze)").
export default {
  template: `<div :style="{ color: over ? kleur : 'inherit' }">{{ tekst }}</div>`,
  props: {
    resterend: Number,
    loopt: Boolean,
    leeg: Boolean,
    snapshot: Number,
    kleur: String,
  },
  data() {
    return { vanaf: performance.now(), nu: performance.now() };
  },
  computed: {
    over() {
      return !this.leeg && this.over_seconden > 0;
    },
    over_seconden() {
      return -this.nog();
    },
    tekst() {
      if (this.leeg) return "";
      const nog = this.nog();
      const pauze = this.loopt ? "" : " (pauze)";
      return nog < 0 ? `+${this.mmss(-nog)} over tijd${pauze}` : `${this.mmss(nog)}${pauze}`;
    },
  },
  watch: {
    snapshot() {
      this.vanaf = performance.now();
      this.nu = this.vanaf;
    },
  },
  mounted() {
    this.tikker = setInterval(() => (this.nu = performance.now()), 250);
  },
  unmounted() {
    clearInterval(this.tikker);
  },
  methods: {
    nog() {
      const verstreken = this.loopt ? (this.nu - this.vanaf) / 1000 : 0;
      return this.resterend - verstreken;
    },
    mmss(seconden) {
      const s = seconden > 0 ? Math.floor(seconden + 0.999) : Math.floor(Math.abs(seconden));
      return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
    },
  },
};
