// One signal of the room on a phone, as ONE element (issue 22).
//
// The card used to be six NiceGUI elements (card, kind, text, row, two buttons). Every new
// signal reaches every phone, so a room of 200 built 1,200 elements on the server per signal.
// Here the server sends one element with the card's words as props; Vue draws them. The
// participant's text is put in with {{ }}, which Vue inserts as text: never as HTML.
// A tapped button is filled and its words carry a check mark (no icon as well: with one the two
// buttons no longer fit side by side on a 360 px phone).
export default {
  template: `
    <q-card class="nicegui-card w-full p-2">
      <div class="text-xs uppercase" :style="{ color: kleur }">{{ soort }}</div>
      <div class="text-base" :class="getypt" dir="auto">{{ tekst }}</div>
      <div v-if="herken" class="flex flex-row flex-wrap items-center w-full gap-2">
        <q-btn no-caps color="primary" padding="4px 8px" style="min-height: 48px" :label="herken"
          :outline="!herkend" :unelevated="herkend"
          :aria-pressed="herkend ? 'true' : 'false'" @click="$emit('tik', 'herken')" />
        <q-btn v-if="niet" no-caps color="grey-9" padding="4px 8px" style="min-height: 48px" :label="niet"
          :outline="!nietaan" :unelevated="nietaan"
          :aria-pressed="nietaan ? 'true' : 'false'" @click="$emit('tik', 'niet')" />
      </div>
    </q-card>`,
  props: {
    soort: String,
    kleur: String,
    tekst: String,
    getypt: String,
    herken: String,
    herkend: Boolean,
    niet: String,
    nietaan: Boolean,
  },
};
