// The room's signals on a phone, as ONE element (issue 22).
//
// Every new signal reaches every phone. Built as NiceGUI elements, each card cost the server an
// element per phone (about 0.1 ms to build, and memory for as long as the page lives), and the
// phones' lists were most of its work in a room of 200. Here the server sends the cards as one
// prop, a list of plain values; Vue draws them, keyed by the signal's id, so a card that stays
// keeps its place. The participant's text is put in with {{ }}, which Vue inserts as text:
// never as HTML. A tapped button is filled and its words carry a check mark (no icon as well:
// with one the two buttons no longer fit side by side on a 360 px phone).
export default {
  template: `
    <div class="flex flex-col w-full gap-2">
      <q-card v-for="k in kaarten" :key="k.id" class="nicegui-card w-full p-2">
        <div class="text-xs uppercase" :style="{ color: k.kleur }">{{ k.soort }}</div>
        <div class="text-base" :class="getypt" dir="auto">{{ k.tekst }}</div>
        <div v-if="k.herken" class="flex flex-row flex-wrap items-center w-full gap-2">
          <q-btn no-caps color="primary" padding="4px 8px" style="min-height: 48px" :label="k.herken"
            :outline="!k.herkend" :unelevated="k.herkend"
            :aria-pressed="k.herkend ? 'true' : 'false'" @click="$emit('tik', [k.id, 'herken'])" />
          <q-btn v-if="k.niet" no-caps color="grey-9" padding="4px 8px" style="min-height: 48px" :label="k.niet"
            :outline="!k.nietaan" :unelevated="k.nietaan"
            :aria-pressed="k.nietaan ? 'true' : 'false'" @click="$emit('tik', [k.id, 'niet'])" />
        </div>
      </q-card>
    </div>`,
  props: {
    kaarten: Array,
    getypt: String,
  },
};
