// The app's entry: importing the widget registers <ctg-plan> and <ctg-droits>; the named
// exports are there for apps that need them (here: the version of ctg-core, logged).
import { core, CtgPlanElement } from 'ctg/ctg-widget.js';

document.documentElement.dataset.ctgElements = String(customElements.get('ctg-plan') === CtgPlanElement);
core().then((ctg) => {
  document.documentElement.dataset.ctgVersion = ctg.version();
});
