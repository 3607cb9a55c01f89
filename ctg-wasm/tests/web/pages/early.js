// Sets the data of <ctg-plan id="early"> before the widget's module has run (a classic script
// right after the element): the element must use it once it is defined.
document.getElementById('early').data = '{"format": "ctg-plan/1", "id": "early", "title": " ", "territory": {}, "period": {"start": "2022-01-01", "end": "2019-01-01"}}';
